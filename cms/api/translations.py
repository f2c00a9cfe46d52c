"""Which locale a page's text is in, and its versions in the other locales.

Both are loaded for everything the request shows at once (`cms.api.loaders`).
"""

from collections import defaultdict
from typing import NamedTuple
from uuid import UUID

from wagtail.models import Page

from languages.models import UntranslatedPage, own_text

from .context import request_cache
from .loaders import Loader
from .visibility import reader_pages_filter


class Translation(NamedTuple):
    """What a translation link needs: lighter than a Page for every item of a list."""

    pk: int
    translation_key: UUID
    locale_id: int
    url_path: str


class TranslationsLoader(Loader):
    """A page's live, really translated versions in the other locales (neither aliases nor
    pages still showing another locale's text, see `languages.models`): one query."""

    model = Page

    def empty(self):
        return []

    def batch_load(self, pages):
        keys = {page.translation_key for page in pages}
        others = reader_pages_filter(
            Page.objects.filter(own_text(), translation_key__in=keys)
        ).values_list("id", "translation_key", "locale_id", "url_path")
        by_key = defaultdict(list)
        for row in others:
            other = Translation(*row)
            by_key[other.translation_key].append(other)
        return {
            page.pk: [o for o in by_key[page.translation_key] if o.locale_id != page.locale_id]
            for page in pages
        }


def translations_of(page):
    return TranslationsLoader.of().load(page)


class AliasSourceLocaleLoader(Loader):
    """The locale of the page an alias shows: one query for every alias shown (none for a
    list that loaded the source with the page)."""

    model = Page

    def batch_load(self, pages):
        alias_of = Page._meta.get_field("alias_of")
        cached = [p for p in pages if p.alias_of_id and alias_of.is_cached(p)]
        loaded = {p.pk: p.alias_of.locale_id for p in cached}
        sources = {p.alias_of_id for p in pages if p.alias_of_id and p.pk not in loaded}
        locales = dict(
            Page.objects.filter(pk__in=sources).values_list("pk", "locale_id") if sources else ()
        )
        for page in pages:
            if page.alias_of_id and page.pk not in loaded:
                loaded[page.pk] = locales.get(page.alias_of_id, page.locale_id)
        return loaded


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
        return AliasSourceLocaleLoader.of().load(page) or page.locale_id
    return untranslated_locales().get(page.pk, page.locale_id)
