"""`manage.py setup_roles`: top up the newsroom's groups, page permissions and review
workflow, e.g. after a locale tree was added by hand. Safe to run again."""

from django.core.management.base import BaseCommand

from newsroom.roles import grant_page_permissions


class Command(BaseCommand):
    help = (
        "Create the newsroom groups if missing, grant their page permissions on every "
        "locale tree and assign the 'Newsroom review' workflow to the sections."
    )

    def handle(self, *args, **options):
        added = grant_page_permissions()
        self.stdout.write(f"Roles set up: {added} page permission(s) added.")
