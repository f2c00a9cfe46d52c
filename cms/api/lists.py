"""List arguments of the API, made safe: `order` from an allow-list, search inside filters.

Grapple's `resolve_queryset` sorts by any field path the client sends, which
leaks data through the order of the results (`order: "owner__password"`), and
its search drops filters the search backend cannot run. `resolve_list` takes
the same arguments (`limit`, `offset`, `order`, `searchQuery`,
`searchOperator`, `id`, `inMenu`, `collection`) without those faults.
"""

from django.conf import settings
from taggit.models import Tag
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Collection, Page, Site
from wagtail.search import index
from wagtail.search.index import class_is_indexed
from wagtail.search.utils import parse_query_string

from .errors import bad_input
from .search import backend_for, search_in
from .surrogate_keys import tag_list

PAGE_ORDER = ("title", "first_published_at", "last_published_at", "id", "slug")
MEDIA_ORDER = ("title", "created_at", "id")
NAME_ORDER = ("name", "id")
SITE_ORDER = ("hostname", "site_name", "id")
# Search results are matched first, then sorted: at most this many matches per query.
SEARCH_MAX_HITS = 1000


def order_fields_for(model):
    if model is None:
        return ("id",)
    for base, fields in (
        (Page, PAGE_ORDER),
        (AbstractImage, MEDIA_ORDER),
        (AbstractDocument, MEDIA_ORDER),
        (Tag, NAME_ORDER),
        (Collection, NAME_ORDER),
        (Site, SITE_ORDER),
    ):
        if issubclass(model, base):
            return fields
    return ("id",)


def order_description(fields):
    listed = ", ".join(f"{name}, -{name}" for name in fields)
    return f"Sort order, one or more of: {listed} (comma-separated; - sorts descending)."


def order_keys(order, fields):
    """The `order` argument as `order_by()` keys, or BAD_USER_INPUT when not allow-listed."""
    keys = [key.strip() for key in order.split(",")]
    for key in keys:
        if key.removeprefix("-") not in fields:
            raise bad_input(
                f"Cannot sort by {key!r}. {order_description(fields)}",
                argument="order",
                allowed=[f"{sign}{name}" for name in fields for sign in ("", "-")],
            )
    return keys


def normalise_operator(value):
    """graphene hands over the enum member; Wagtail wants "and" or "or"."""
    operator = str(getattr(value, "value", value) or "and").lower()
    if operator not in ("and", "or"):
        raise bad_input("`searchOperator` must be AND or OR.", argument="searchOperator")
    return operator


# The largest integer a column holds (SQLite's INTEGER, PostgreSQL's bigint): a larger one
# is no row's id, and SQLite's driver fails on it (OverflowError) instead of finding none.
MAX_INTEGER = 2**63 - 1


def int_argument(value, name):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise bad_input(f"`{name}` must be a number.", argument=name) from None
    if not -MAX_INTEGER - 1 <= number <= MAX_INTEGER:
        raise bad_input(
            f"Invalid argument: `{name}` is out of range (at most {MAX_INTEGER}).", argument=name
        )
    return number


def search_queryset(queryset, text, operator="and", keys=None, locale=None):
    """Search within `queryset` (already filtered to what the reader may see).

    The search backend cannot run every SQL filter, so it gets the filter as a
    subquery on ids when the model lets it filter by id (`cms.api.search`: ranked
    and sliced in one query); otherwise, or sorted by `keys`, the best
    SEARCH_MAX_HITS matches are intersected with `queryset` afterwards. `locale`: the
    Locale the queryset is limited to, so the query is stemmed as its entries were.
    """
    model = queryset.model
    if not class_is_indexed(model):
        raise bad_input("This list cannot be searched.", argument="searchQuery")
    operator = normalise_operator(operator)
    _filters, query = parse_query_string(text, operator)
    by_id = any(
        isinstance(field, index.FilterField) and field.field_name == "id"
        for field in model.get_search_fields()
    )
    if by_id and not keys:
        return search_in(queryset, query, locale, by_relevance=True, operator=operator)
    source = model._default_manager.all()
    if issubclass(model, Page):
        source = source.specific()
    if by_id:
        source = source.filter(pk__in=queryset.values("pk"))
    results = backend_for(locale).search(query, source, operator=operator)
    ids = [item.pk for item in results[:SEARCH_MAX_HITS]]
    queryset = queryset.filter(pk__in=ids)
    if keys:
        return queryset.order_by(*keys)
    rank = {pk: position for position, pk in enumerate(ids)}
    return sorted(queryset, key=lambda item: rank[item.pk])


def resolve_list(
    queryset,
    info,
    *,
    order_fields,
    limit=None,
    offset=None,
    search_query=None,
    search_operator="and",
    id=None,
    order=None,
    in_menu=None,
    collection=None,
    **_ignored,
):
    """grapple's `resolve_queryset` with allow-listed ordering and a search that keeps filters."""
    tag_list(queryset.model)
    if id is not None:
        queryset = queryset.filter(pk=int_argument(id, "id"))
    if in_menu is not None:
        queryset = queryset.filter(show_in_menus=in_menu)
    if collection is not None:
        queryset = queryset.filter(collection_id=int_argument(collection, "collection"))
    keys = order_keys(order, order_fields) if order is not None else None
    if search_query and id is None:
        queryset = search_queryset(queryset, search_query, search_operator, keys)
    elif keys:
        queryset = queryset.order_by(*keys)
    offset = int(offset or 0)
    limit = min(int(limit or settings.GRAPPLE["PAGE_SIZE"]), settings.GRAPPLE["MAX_PAGE_SIZE"])
    return queryset[offset : offset + limit]
