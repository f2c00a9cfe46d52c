"""How much of a page's room for children the tree has used.

Wagtail's tree (treebeard's materialised paths) gives each level 4 base-36
characters: a parent's children get the paths `0001` to `ZZZZ`, 1,679,615 in
all. A new child takes the path after the parent's last child, so a child
moved away or deleted keeps its position used: what is left is read from the
last child's path, not from `numchild` (a parent left with no child starts
again at `0001`). Past `ZZZZ`, adding a child fails (treebeard's PathOverflow).

`crowded_parents()` lists the pages past `TREE_CAPACITY_WARNING` (a share, 0.8
by default) in one query; the system check and the superusers' dashboard
warning use it. The news section keeps under the limit with year folders
(`news.archive`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Concat
from wagtail.models import Page

STEP = Page.steplen
CHILD_POSITIONS = len(Page.alphabet) ** STEP - 1  # 1,679,615: "0001" ... "ZZZZ"


def positions_used(last_child_path):
    """How many child positions a parent has used, from its last child's path."""
    if not last_child_path:
        return 0
    return int(last_child_path[-STEP:], len(Page.alphabet))


def share_used(last_child_path):
    return positions_used(last_child_path) / CHILD_POSITIONS


@dataclass(frozen=True)
class ChildSpace:
    page_id: int
    title: str
    url_path: str
    used: int

    @property
    def share(self):
        return self.used / CHILD_POSITIONS

    @property
    def left(self):
        return CHILD_POSITIONS - self.used


def last_child_paths(pages):
    """`pages` annotated with `last_child_path` (an index range scan per page)."""
    last_child = (
        Page.objects.filter(
            path__gt=OuterRef("path"),
            path__lte=Concat(OuterRef("path"), Value(Page.alphabet[-1] * STEP)),
            depth=OuterRef("depth") + 1,
        )
        .order_by("-path")
        .values("path")[:1]
    )
    return pages.annotate(last_child_path=Subquery(last_child))


def child_space(page):
    row = last_child_paths(Page.objects.filter(pk=page.pk)).values_list(
        "last_child_path", flat=True
    )
    return ChildSpace(page.pk, page.title, page.url_path, positions_used(row.first()))


def crowded_parents(threshold=None):
    """The pages whose children use more than `threshold` of their positions, fullest
    first: one query, over the pages that have children."""
    threshold = settings.TREE_CAPACITY_WARNING if threshold is None else threshold
    rows = last_child_paths(Page.objects.filter(numchild__gt=0)).values_list(
        "pk", "title", "url_path", "last_child_path"
    )
    spaces = [
        ChildSpace(pk, title, url_path, positions_used(last))
        for pk, title, url_path, last in rows.order_by(F("depth"))
    ]
    return sorted((space for space in spaces if space.share > threshold), key=lambda s: -s.share)
