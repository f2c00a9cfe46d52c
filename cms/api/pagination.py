"""Page-based pagination with grapple's `pagination` shape.

Unlike grapple, a page past the end is empty (grapple repeats the last page,
which makes infinite scroll show the same items again).
"""

import math

import graphene
from django.conf import settings
from grapple.types.structures import PaginationType

from .errors import bad_input
from .lookahead import child_fields
from .surrogate_keys import tag_list

DEFAULT_PER_PAGE = settings.GRAPPLE["PAGE_SIZE"]
MAX_PER_PAGE = settings.GRAPPLE["MAX_PAGE_SIZE"]


def page_arguments():
    return {
        "page": graphene.Int(default_value=1, description="1-based page number."),
        "per_page": graphene.Int(
            default_value=DEFAULT_PER_PAGE,
            description=f"Items per page, at most {MAX_PER_PAGE}.",
        ),
    }


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
                PaginationType, required=True, description="Where this page stands in the list."
            ),
        },
    )


def paginate(queryset, page, per_page, info=None):
    """Slice a queryset; returns (items as a list, pagination dict).

    The total costs a COUNT query, run only when the query selects `pagination` and
    the page itself does not tell: a short, non-empty page ends the list.
    """
    if page is None or page < 1:
        raise bad_input("`page` must be 1 or more.", argument="page")
    if per_page is None or per_page < 1:
        raise bad_input("`perPage` must be 1 or more.", argument="perPage")
    per_page = min(per_page, MAX_PER_PAGE)
    tag_list(queryset.model)
    offset = (page - 1) * per_page
    items = list(queryset[offset : offset + per_page])
    if 0 < len(items) < per_page or (not items and offset == 0):
        total = offset + len(items)
    elif info is not None and "pagination" not in child_fields(info):
        return items, None
    else:
        total = queryset.count()
    total_pages = max(1, math.ceil(total / per_page))
    return items, {
        "total": total,
        "count": len(items),
        "per_page": per_page,
        "current_page": page,
        "prev_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if page < total_pages else None,
        "total_pages": total_pages,
    }
