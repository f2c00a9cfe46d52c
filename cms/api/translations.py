"""A page's versions in the other locales, loaded for a whole list at once."""

from collections import defaultdict
from typing import NamedTuple
from uuid import UUID

from wagtail.models import Page

from languages.models import UntranslatedPage, own_text

from .context import request_cache
from .visibility import reader_pages_filter

PREFETCH_ATTR = "_otandas_translations"


class Translation(NamedTuple):
    """What a translation link needs: lighter than a Page for every item of a list."""

    pk: int
    translation_key: UUID
    locale_id: int
    url_path: str


def load_translations(pages):
    """Attach to each page its live, really translated versions (neither aliases nor pages
    still showing another locale's text, see `languages.models`).

    One query for the whole list, however long.
    """
    pages = [page for page in pages if not hasattr(page, PREFETCH_ATTR)]
    if not pages:
        return
    keys = {page.translation_key for page in pages}
    others = reader_pages_filter(
        Page.objects.filter(own_text(), translation_key__in=keys)
    ).values_list("id", "translation_key", "locale_id", "url_path")
    by_key = defaultdict(list)
    for row in others:
        other = Translation(*row)
        by_key[other.translation_key].append(other)
    for page in pages:
        setattr(
            page,
            PREFETCH_ATTR,
            [o for o in by_key[page.translation_key] if o.locale_id != page.locale_id],
        )


def translations_of(page):
    if not hasattr(page, PREFETCH_ATTR):
        load_translations([page])
    return getattr(page, PREFETCH_ATTR)


def untranslated_locales():
    """{page id: locale id of its text} for the pages recorded as untranslated; one small
    query per request (only pages whose translation is under way are recorded)."""
    return request_cache(
        "untranslated_locales",
        lambda: dict(UntranslatedPage.objects.values_list("page_id", "content_locale_id")),
    )


def text_locale_id(page):
    """The locale of the text `page` shows: its source's for an alias or an untranslated
    page, else its own."""
    if page.alias_of_id:
        return page.alias_of.locale_id  # lists load it with the page
    return untranslated_locales().get(page.pk, page.locale_id)
