"""No models of its own: roles live in auth groups and Wagtail's permission and workflow
tables. The module exists because Django sends `post_migrate` (newsroom.apps) only to
apps that have one."""
