"""The lists' two ways through: page numbers (grapple's `pagination` shape) and a cursor.

Every list of pages is sorted newest first on `(first_published_at, id)`
(`cms.api.visibility.LIST_ORDER`), a total order, so neither way loses or repeats
an item when times are equal.

- `page`/`perPage`: an OFFSET, so the database walks every row before the page;
  how deep it may go is capped (`API_MAX_PAGE_DEPTH` items). A page past the end
  is empty (grapple repeats the last page, which makes infinite scroll show the
  same items again).
- `after`: keyset pagination, `WHERE (first_published_at, id) < (the cursor's)`,
  which costs the same anywhere in the archive. `pageInfo` hands out the cursor
  of a page's last item, on page-numbered pages too.

Each page reads one row more than it shows to know whether another follows. The
total is counted only when `pagination` asks for it and the page itself does not
tell (a short page ends the list), and only up to `API_EXACT_TOTAL_UP_TO` rows:
past that, `total` is a lower bound and `totalIsExact` false.
"""

import base64
import binascii
import math
from datetime import datetime

import graphene
from django.conf import settings
from django.db.models import Q, QuerySet
from grapple.types.structures import PaginationType

from .errors import bad_input
from .lookahead import child_fields
from .surrogate_keys import tag_list

DEFAULT_PER_PAGE = settings.GRAPPLE["PAGE_SIZE"]
MAX_PER_PAGE = settings.GRAPPLE["MAX_PAGE_SIZE"]
MAX_PAGE_DEPTH = settings.API_MAX_PAGE_DEPTH
EXACT_TOTAL_UP_TO = settings.API_EXACT_TOTAL_UP_TO

CURSOR_PREFIX = "pub:"


def page_arguments(cursor=True):
    arguments = {
        "page": graphene.Int(
            default_value=1,
            description=f"1-based page number; page × perPage at most {MAX_PAGE_DEPTH} "
            "(use `after` to go deeper).",
        ),
        "per_page": graphene.Int(
            default_value=DEFAULT_PER_PAGE,
            description=f"Items per page, at most {MAX_PER_PAGE}.",
        ),
    }
    if cursor:
        arguments["after"] = graphene.String(
            description="Continue after this cursor (`pageInfo.endCursor` of the page before): "
            "the same cost anywhere in the list. Not with `page` above 1."
        )
    return arguments


class ListPagination(PaginationType):
    """grapple's pagination fields, and whether `total` is exact."""

    total_is_exact = graphene.Boolean(
        required=True,
        description=f"False when the list holds more than {EXACT_TOTAL_UP_TO} items: "
        "`total` (and `totalPages`) then count only that many, as a lower bound.",
    )


class ListPageInfo(graphene.ObjectType):
    """Where this page ends, for reading on with `after`."""

    has_next_page = graphene.Boolean(required=True, description="More items follow.")
    end_cursor = graphene.String(
        description="Cursor of this page's last item: pass it as `after` for the next page."
    )


def paginated_type(name, item_type, description):
    return type(
        name,
        (graphene.ObjectType,),
        {
            "__doc__": description,
            "items": graphene.List(
                graphene.NonNull(item_type), required=True, description="This page's items."
            ),
            "pagination": graphene.Field(
                ListPagination,
                required=True,
                description="Where this page stands in the list. On a page read with `after`, "
                "pages are counted from the cursor (`currentPage` 1, no `nextPage`: read on "
                "with `pageInfo`).",
            ),
            "page_info": graphene.Field(
                ListPageInfo,
                required=True,
                description="The cursor to read on from; no COUNT needed.",
            ),
        },
    )


def encode_cursor(item):
    raw = f"{CURSOR_PREFIX}{item.first_published_at.isoformat()}|{item.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor):
    """(first_published_at, id) of a cursor; BAD_USER_INPUT for anything we did not hand out."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        stamp, _, pk = raw.removeprefix(CURSOR_PREFIX).partition("|")
        published = datetime.fromisoformat(stamp)
        if raw.startswith(CURSOR_PREFIX) and published.tzinfo and pk.isdigit():
            return published, int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise bad_input("`after` is not a cursor of this list.", argument="after")


def after_cursor(queryset, cursor):
    """The rows after the cursor's in `LIST_ORDER`. The first condition repeats what the
    second implies, so that the database starts its index walk at the cursor."""
    published, pk = decode_cursor(cursor)
    return queryset.filter(first_published_at__lte=published).filter(
        Q(first_published_at__lt=published) | Q(first_published_at=published, id__lt=pk)
    )


def check_page(page, per_page, after=None):
    """The page and page size to read, or BAD_USER_INPUT."""
    if page is None or page < 1:
        raise bad_input("`page` must be 1 or more.", argument="page")
    if per_page is None or per_page < 1:
        raise bad_input("`perPage` must be 1 or more.", argument="perPage")
    if after is not None and page > 1:
        raise bad_input("Use either `after` or `page`, not both.", argument="after")
    per_page = min(per_page, MAX_PER_PAGE)
    if page * per_page > MAX_PAGE_DEPTH:
        raise bad_input(
            f"`page` × `perPage` may be at most {MAX_PAGE_DEPTH}: to read deeper, continue "
            "with `after: pageInfo.endCursor`.",
            argument="page",
            max_depth=MAX_PAGE_DEPTH,
        )
    return page, per_page


def bounded_count(rows):
    """(how many rows, up to EXACT_TOTAL_UP_TO, whether that is all of them): the database
    stops after EXACT_TOTAL_UP_TO + 1 rows, so the count costs the same at any size."""
    if isinstance(rows, QuerySet):
        rows = rows.order_by().values("pk")
    count = rows[: EXACT_TOTAL_UP_TO + 1].count()
    return min(count, EXACT_TOTAL_UP_TO), count <= EXACT_TOTAL_UP_TO


def paginate(queryset, page, per_page, info=None, after=None, search=None):
    """One page of `queryset`, sorted in `LIST_ORDER`: a dict with `items`, `pagination`
    (None when the query does not select it) and `page_info`.

    `search` (`cms.api.search.TextSearch`): only its matches; by relevance, no cursor.
    """
    page, per_page = check_page(page, per_page, after)
    tag_list(queryset.model)
    keyset = search is None or not search.by_relevance
    listed = queryset
    if after is not None:
        if not keyset:
            raise bad_input(
                "Results by relevance have no cursor: use `page`, or `searchOrder: DATE`.",
                argument="after",
            )
        queryset = after_cursor(queryset, after)
    rows = search.results(queryset) if search else queryset
    offset = (page - 1) * per_page
    rows = list(rows[offset : offset + per_page + 1])
    items, has_next = rows[:per_page], len(rows) > per_page
    page_info = {
        "has_next_page": has_next,
        "end_cursor": encode_cursor(items[-1]) if keyset and items else after,
    }
    result = {"items": items, "pagination": None, "page_info": page_info}
    if info is not None and "pagination" not in child_fields(info):
        return result
    if after is None and not has_next and (items or offset == 0):
        total, exact = offset + len(items), True  # this page ends the list
    else:
        total, exact = bounded_count(search.countable(listed) if search else listed)
        if not exact and after is None:  # a lower bound: at least what this page shows
            total = max(total, offset + len(items) + has_next)
    result["pagination"] = {
        "total": total,
        "total_is_exact": exact,
        "count": len(items),
        "per_page": per_page,
        "current_page": page,
        "prev_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if has_next and after is None else None,
        "total_pages": max(1, math.ceil(total / per_page)),
    }
    return result
