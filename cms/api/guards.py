"""The reader's guards, wrapped around the schema's resolvers once, when the schema is built.

Which fields need a guard is known from the schema itself:

- a field with a `token`, `order`, `searchOperator` or `searchQuery` argument has it
  checked: the preview token must be valid, `order` allow-listed for the model the
  field lists, the search operator one Wagtail accepts, and a search asked only of a
  model the search index holds;
- a field whose type can hold a page (a page type, or an interface or union a page
  type belongs to) has the pages the reader may not see dropped from its result.
  This covers the relations no list query filters: a Site's root page, a
  redirect's page, a page chooser block;
- rich text fields are rendered for the reader (`cms.api.richtext`).

Grapple's own fields are wrapped like the project's. A GraphQL middleware could
do the same, but it runs for every field of every response (about 400 for a list
of 20 articles), most of them titles and widths that need none of it.
"""

from django.db.models import Model, QuerySet
from graphql import (
    GraphQLObjectType,
    default_field_resolver,
    get_named_type,
    is_abstract_type,
)
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends.base import BaseSearchResults
from wagtail.search.index import class_is_indexed

from . import richtext, scripts
from .errors import bad_input
from .grapple_queries import install_site_resolvers
from .lists import normalise_operator, order_fields_for, order_keys
from .loaders import show
from .preview import check_token
from .visibility import mark_preview, reader_scope

WRAPPED = "_otandas_guarded"


def install(schema):
    """Wrap the resolvers of a graphql-core schema that need it, in place (once)."""
    install_site_resolvers(schema)
    for object_type in schema.type_map.values():
        if not isinstance(object_type, GraphQLObjectType) or object_type.name.startswith("__"):
            continue
        for name, field in object_type.fields.items():
            original = field.resolve or default_field_resolver
            if getattr(original, WRAPPED, False):
                continue
            resolve = richtext.wrap_resolver(object_type, name, field, original)
            resolve = scripts.wrap_resolver(name, field.type, resolve)
            resolve = _guarded(
                field, resolve, can_hold_pages(schema, field.type), holds_models(schema, field.type)
            )
            if resolve is not original:
                setattr(resolve, WRAPPED, True)
                field.resolve = resolve


def holds_models(schema, field_type):
    """Whether the field's type (or a member of its interface or union) is a model's."""
    named = get_named_type(field_type)
    members = schema.get_possible_types(named) if is_abstract_type(named) else [named]
    return any(_model_of_object_type(member) is not None for member in members)


def _model_of_object_type(object_type):
    model = getattr(
        getattr(getattr(object_type, "graphene_type", None), "_meta", None), "model", None
    )
    return model if isinstance(model, type) else None


def can_hold_pages(schema, field_type):
    named = get_named_type(field_type)
    if is_abstract_type(named):
        return any(_is_page_type(member) for member in schema.get_possible_types(named))
    return isinstance(named, GraphQLObjectType) and _is_page_type(named)


def _is_page_type(object_type):
    if any(interface.name == "PageInterface" for interface in object_type.interfaces):
        return True
    model = getattr(getattr(object_type.graphene_type, "_meta", None), "model", None)
    return isinstance(model, type) and issubclass(model, Page)


def _guarded(field, resolve, holds_pages, holds_objects):
    """`resolve` with its arguments checked and hidden pages dropped, as the field needs;
    the model instances it returns are shown to the request's loaders (cms.api.loaders)."""
    names = {argument.out_name or name for name, argument in field.args.items()}
    takes_token = "token" in names
    order_fields = order_fields_for(_model_of(field.type)) if "order" in names else None
    takes_operator = "search_operator" in names
    unsearchable = "search_query" in names and not _is_searchable(_model_of(field.type))
    if not (
        holds_pages
        or holds_objects
        or takes_token
        or order_fields
        or takes_operator
        or unsearchable
    ):
        return resolve

    def resolve_guarded(root, info, **args):
        token = args.get("token") if takes_token else None
        if token:
            check_token(token)
        if order_fields is not None and args.get("order") is not None:
            order_keys(args["order"], order_fields)
        if unsearchable and args.get("search_query") and args.get("id") is None:
            # grapple's lists (`sites`) offer `searchQuery` on models no search index holds.
            raise bad_input(
                "Invalid argument: this list cannot be searched.", argument="searchQuery"
            )
        if takes_operator and "search_operator" in args:
            args["search_operator"] = normalise_operator(args["search_operator"])
        result = resolve(root, info, **args)
        if token and isinstance(result, Page):
            return mark_preview(result)
        if holds_pages:
            result = drop_hidden_pages(result)
        return shown_result(result) if holds_objects else result

    return resolve_guarded


def _is_searchable(model):
    return model is None or class_is_indexed(model)


def drop_hidden_pages(result):
    """A page, or a list of anything with pages in it, without the pages the reader may not see."""
    if result is None or isinstance(result, (str, int, float, bool)):
        return result
    if isinstance(result, Page):
        return result if reader_scope().page_visible(result) else None
    if isinstance(result, QuerySet):
        if not issubclass(result.model, Page):
            return result
    elif not isinstance(result, (list, tuple, BaseSearchResults)):
        return result
    items = list(result)
    if not any(isinstance(item, Page) for item in items):
        return items
    scope = reader_scope()
    return [item for item in items if not isinstance(item, Page) or scope.page_visible(item)]


def shown_result(result):
    """`result`, its model instances shown to the request's loaders (a list, if it was a
    queryset or search results: evaluated once, here)."""
    if isinstance(result, Model):
        show([result])
    elif isinstance(result, (list, tuple, QuerySet, BaseSearchResults)):
        result = list(result)
        show(result)
    return result


def _model_of(field_type):
    """The Django model a field's (list or paginated) type stands for, if any."""
    from grapple.types.interfaces import PageInterface
    from grapple.types.structures import BasePaginatedType
    from grapple.types.tags import TagObjectType

    graphene_type = getattr(get_named_type(field_type), "graphene_type", None)
    if isinstance(graphene_type, type) and issubclass(graphene_type, BasePaginatedType):
        items = graphene_type._meta.fields["items"].type
        while hasattr(items, "of_type"):
            items = items.of_type
        graphene_type = items() if callable(items) and not isinstance(items, type) else items
    if not isinstance(graphene_type, type):
        return None
    if issubclass(graphene_type, PageInterface):
        return Page
    if issubclass(graphene_type, TagObjectType):
        return Tag
    return getattr(getattr(graphene_type, "_meta", None), "model", None)
