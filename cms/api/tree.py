"""A page's relatives in the tree, for every page the request shows at once.

`parent`, `children`, `descendants`, `siblings` and `ancestors` of a list of pages
cost the same few queries whatever its length (`cms.api.loaders`). The relations
take grapple's list arguments; `limit` and `offset` apply per page, which one query
does with a window function (ROW_NUMBER per parent, or per ancestor). Only a
relation searched with `searchQuery` is loaded page by page.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.models import Page

from .folders import only_folders, without_folders
from .lists import PAGE_ORDER, int_argument, order_keys
from .loaders import Loader
from .surrogate_keys import ancestor_paths, below, tag
from .visibility import reader_pages_filter

STEP = Page.steplen


class ParentLoader(Loader):
    """A page's parent (none for a home page), seen through folders: a page in a folder
    (`cms.api.folders`) has the folder's parent. One query for the parents as before, as
    the folders themselves are not loaded. The guards drop a parent the reader may not see."""

    model = Page

    def batch_load(self, pages):
        paths = {page.path[:-STEP] for page in pages if page.depth > 2}
        above_folders = {page.path[: -2 * STEP] for page in pages if page.depth > 3}
        folder_below = only_folders(
            Page.objects.filter(
                path__in=paths, path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1
            )
        )
        wanted = without_folders(Page.objects.filter(path__in=paths)) | Page.objects.filter(
            Exists(folder_below), path__in=above_folders
        )
        parents = {p.path: p for p in wanted.specific()}
        return {page.pk: self.parent_of(page.path, parents) for page in pages}

    @staticmethod
    def parent_of(path, parents):
        """The parent, or the grandparent when the parent is a folder (not loaded)."""
        if path[:-STEP] in parents:
            return parents[path[:-STEP]]
        return parents.get(path[: -2 * STEP])


class RelativesLoader(Loader):
    """A relation with grapple's list arguments (`options`: their sorted items)."""

    model = Page

    def __init__(self, options):
        super().__init__()
        args = dict(options)
        self.keys = order_keys(args["order"], PAGE_ORDER) if args.get("order") else ["path"]
        self.offset = int(args.get("offset") or 0)
        size = args.get("limit") or settings.GRAPPLE["PAGE_SIZE"]
        self.limit = min(int(size), settings.GRAPPLE["MAX_PAGE_SIZE"])
        self.filters = Q()
        if args.get("in_menu") is not None:
            self.filters &= Q(show_in_menus=args["in_menu"])
        if args.get("id") is not None:
            self.filters &= Q(pk=int_argument(args["id"], "id"))

    def empty(self):
        return []

    def ordering(self):
        return [F(k[1:]).desc() if k.startswith("-") else F(k).asc() for k in self.keys] + [
            F("path").asc()
        ]

    def first_rows(self, within, group, stop):
        """The visible pages matching `within`, in order, the first `stop` of each `group`."""
        queryset = reader_pages_filter(Page.objects.filter(within & self.filters))
        queryset = queryset.annotate(
            row=Window(RowNumber(), partition_by=[group], order_by=self.ordering())
        )
        return list(queryset.filter(row__lte=stop).order_by(*self.keys, "path").specific())

    def window(self, pages):
        return pages[self.offset : self.offset + self.limit]


class ChildrenLoader(RelativesLoader):
    def batch_load(self, pages):
        tag(*(below(page.path) for page in pages))
        within = reduce(or_, (Q(path__startswith=p.path, depth=p.depth + 1) for p in pages))
        group = Substr("path", 1, F("depth") * STEP - STEP)
        rows = self.first_rows(within, group, self.offset + self.limit)
        children = {}
        for row in rows:
            children.setdefault(row.path[:-STEP], []).append(row)
        return {page.pk: self.window(children.get(page.path, [])) for page in pages}


class SiblingsLoader(RelativesLoader):
    """The other children of a page's parent (home pages: the other home pages)."""

    def batch_load(self, pages):
        parents = {(page.path[:-STEP], page.depth) for page in pages}
        tag(*(below(path) for path, _depth in parents))
        within = reduce(or_, (Q(path__startswith=path, depth=depth) for path, depth in parents))
        group = Substr("path", 1, F("depth") * STEP - STEP)
        # One more per parent: the page itself is among them.
        rows = self.first_rows(within, group, self.offset + self.limit + 1)
        by_parent = {}
        for row in rows:
            by_parent.setdefault(row.path[:-STEP], []).append(row)
        return {
            page.pk: self.window(
                [s for s in by_parent.get(page.path[:-STEP], []) if s.pk != page.pk]
            )
            for page in pages
        }


class DescendantsLoader(RelativesLoader):
    """One query per depth of the pages asked about (a list's pages share one or two)."""

    def batch_load(self, pages):
        tag(*(below(page.path) for page in pages))
        found = {}
        for depth in {page.depth for page in pages}:
            roots = [page for page in pages if page.depth == depth]
            within = reduce(or_, (Q(path__startswith=root.path) for root in roots))
            within &= Q(depth__gt=depth)
            rows = self.first_rows(
                within, Substr("path", 1, depth * STEP), self.offset + self.limit
            )
            by_root = {}
            for row in rows:
                by_root.setdefault(row.path[: depth * STEP], []).append(row)
            for root in roots:
                found[root.pk] = self.window(by_root.get(root.path, []))
        return found


class AncestorsLoader(RelativesLoader):
    """From the home page down (the tree's root is no page a reader sees)."""

    def batch_load(self, pages):
        prefixes = {page.path[: d * STEP] for page in pages for d in range(2, page.depth)}
        # An ancestor published or unpublished purges below its path (keys_for_page).
        tag(*(below(path) for page in pages for path in ancestor_paths(page.path)))
        queryset = reader_pages_filter(Page.objects.filter(self.filters, path__in=prefixes))
        rows = list(queryset.order_by(*self.keys, "path").specific()) if prefixes else []
        return {
            page.pk: self.window(
                [a for a in rows if a.depth < page.depth and page.path.startswith(a.path)]
            )
            for page in pages
        }
