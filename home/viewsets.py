"""Admin viewsets whose forms speak the language of the user who opens them.

Wagtail's `ModelViewSet` (and so `SnippetViewSet`) builds its create and edit
form class once, when the admin's URLs are first built, and hands that class to
its views. That happens on the first request the process serves, in whatever
language is active then (the server's default, kk), and a form class keeps the
widgets made for it: a snippet chooser formats its "Choose %(object)s" with the
model's verbose name in its `__init__`, so every later user, whatever their
admin language, saw that chooser in the language of the first request
("Choose серіктес" before the Kazakh catalogue had "Choose %(object)s").

`UserLanguageFormsMixin` hands the views no form class: they build it from the
panel on each request (as Wagtail's page editor does), after the user's admin
language is active.
"""


class UserLanguageFormsMixin:
    """For a ModelViewSet or SnippetViewSet with panels: build the form class per request."""

    def _without_form_class(self, view_kwargs):
        if self._edit_handler is not None:
            view_kwargs["form_class"] = None  # PanelMixin.get_form_class() uses the panel
        return view_kwargs

    def get_add_view_kwargs(self, **kwargs):
        return self._without_form_class(super().get_add_view_kwargs(**kwargs))

    def get_edit_view_kwargs(self, **kwargs):
        return self._without_form_class(super().get_edit_view_kwargs(**kwargs))
