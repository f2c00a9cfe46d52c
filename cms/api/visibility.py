"""What a reader may see: one rule, applied by every entry point.

A reader sees a page only if it is live, has gone live, has not expired and
has no view restriction (password, login, groups) on itself or an ancestor.
`publish_scheduled` flips `live` only once a minute, so the times are checked
here too. An image or a document is hidden when its collection, or an ancestor
collection, has a view restriction.

Three forms of the rule:

- `visible_pages(queryset)` / `public_media(queryset)`: SQL filters with the
  restrictions as correlated subqueries, so building a filtered queryset costs
  no query and it can be nested in other queries (feeds, the partners' change
  log, anything that runs beside writes);
- `reader_pages_filter(queryset)`: the same rule for the delivery API's read
  path, with the restricted paths loaded once per request (one small query;
  no condition at all when nothing is restricted) instead of a correlated
  subquery in every list query, whose SQL compilation alone costs more than
  running it;
- `ReaderScope`: the page rule on objects already in memory, sharing those
  restricted paths, for the relations no list query filters (see
  `cms.api.guards`).

The per-request paths are dropped whenever a view restriction is saved or
deleted, or a page moves (`cms.api.signals`), so a request that changes them
never reads a stale copy.

Folder pages (`cms.api.folders`) are never visible: they only group content.

Images and documents are filtered where they are looked up or listed (and in
rich text links); one an editor placed on a visible page is shown with it, and
Wagtail still guards the download of a private document.
"""

from functools import cached_property, reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from languages.models import own_text

from .context import request_cache, scope_store
from .folders import is_folder, without_folders

PREVIEW_ATTR = "_otandas_preview"
# The order of every list: newest first, ties broken by id, so that it is total (a cursor
# neither loses nor repeats an item) and the search backend can sort by it (FilterFields).
LIST_ORDER = ("-first_published_at", "-id")


def visible_filter(now=None):
    """Live, gone live and not expired; view restrictions are `restricted_pages()`."""
    now = now or timezone.now()
    return (
        Q(live=True)
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )


def restricted_pages(path_ref="path"):
    """True for a page under a view restriction, itself included.

    A restriction covers the pages whose tree path starts with its page's path.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef(path_ref), 1, Length("page__path"))
        )
    )


def restricted_collections(path_ref="path"):
    """True for a collection under a view restriction, itself included."""
    return Exists(
        CollectionViewRestriction.objects.filter(
            collection__path=Substr(OuterRef(path_ref), 1, Length("collection__path"))
        )
    )


def visible_pages(queryset, now=None):
    """Filter a page queryset down to what any reader may see."""
    return without_folders(queryset.filter(visible_filter(now)).exclude(restricted_pages()))


def public_media(queryset):
    """Filter images or documents down to those outside restricted collections."""
    return queryset.exclude(restricted_collections("collection__path"))


def public_collections(queryset=None):
    queryset = Collection.objects.all() if queryset is None else queryset
    return queryset.exclude(restricted_collections())


def is_preview(page):
    return getattr(page, PREVIEW_ATTR, False)


def mark_preview(page):
    """A draft shown for a valid preview token: the reader may see this one object."""
    if page is not None:
        setattr(page, PREVIEW_ATTR, True)
    return page


def _in_time(page, now):
    return (
        page.live
        and (page.go_live_at is None or page.go_live_at <= now)
        and (page.expire_at is None or page.expire_at > now)
    )


def _path_prefixes(path):
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


class ReaderScope:
    """The page rule for one request: its clock and the tree paths under a view restriction."""

    def __init__(self):
        self.now = timezone.now()

    @cached_property
    def restricted_paths(self):
        # One query per request, and only for a request that shows pages.
        return frozenset(PageViewRestriction.objects.values_list("page__path", flat=True))

    @cached_property
    def restricted_roots(self):
        """The restricted paths without those inside another: each covers a whole subtree."""
        paths = sorted(self.restricted_paths)
        return [p for i, p in enumerate(paths) if not any(p.startswith(r) for r in paths[:i])]

    def page_visible(self, page):
        if is_preview(page):
            return True
        if not _in_time(page, self.now) or is_folder(page):
            return False
        restricted = self.restricted_paths
        return not any(prefix in restricted for prefix in _path_prefixes(page.path))

    def filter(self, queryset):
        """`visible_pages` with this request's clock and restricted paths."""
        queryset = without_folders(queryset.filter(visible_filter(self.now)))
        if self.restricted_roots:
            restricted = (Q(path__startswith=path) for path in self.restricted_roots)
            queryset = queryset.exclude(reduce(or_, restricted))
        return queryset


READER_SCOPE_KEY = "reader_scope"


def reader_scope():
    return request_cache(READER_SCOPE_KEY, ReaderScope)


def forget_reader_scope():
    """Drop this request's restricted paths: a restriction changed or a page moved."""
    store = scope_store()
    if store is not None:
        store.pop(READER_SCOPE_KEY, None)


def reader_pages_filter(queryset):
    """`visible_pages` for the delivery API's reads (see the module docstring).

    Outside a request there is nothing to share the paths with: the correlated form is used.
    """
    if scope_store() is None:
        return visible_pages(queryset)
    return reader_scope().filter(queryset)


def locale_pages(model, locale, include_untranslated=False):
    """A locale's visible pages of one type, newest first, as the contract's lists show them.

    Pages not yet translated into the locale (aliases, and pages still showing their
    source's text: `languages.models`) are left out unless asked for; then an alias's
    source comes in the same query, for `isFallback` and `contentLocale`.
    """
    queryset = model.objects.filter(locale=locale)
    if include_untranslated:
        queryset = queryset.select_related("alias_of")
    else:
        queryset = queryset.filter(own_text())
    return reader_pages_filter(queryset).order_by(*LIST_ORDER)
