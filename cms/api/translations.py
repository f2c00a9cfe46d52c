"""A page's versions in the other locales, loaded for a whole list at once."""

from collections import defaultdict
from typing import NamedTuple
from uuid import UUID

from wagtail.models import Page

from .visibility import reader_pages_filter

PREFETCH_ATTR = "_otandas_translations"


class Translation(NamedTuple):
    """What a translation link needs: lighter than a Page for every item of a list."""

    pk: int
    translation_key: UUID
    locale_id: int
    url_path: str


def load_translations(pages):
    """Attach to each page its live, really translated versions (aliases are not translations).

    One query for the whole list, however long.
    """
    pages = [page for page in pages if not hasattr(page, PREFETCH_ATTR)]
    if not pages:
        return
    keys = {page.translation_key for page in pages}
    others = reader_pages_filter(
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
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
