"""Wiring only: the editors' Latin spellings as a snippet (Settings is where the newsroom
keeps such lists)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from languages.models import LatinSpelling


class LatinSpellingViewSet(SnippetViewSet):
    model = LatinSpelling
    icon = "openquote"
    list_display = ["cyrillic", "latin"]
    search_fields = ["cyrillic", "latin"]
    search_backend_name = None  # a plain database search: the model is not indexed
    add_to_settings_menu = True


register_snippet(LatinSpellingViewSet)
