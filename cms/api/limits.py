"""Bounds on what one GraphQL request may ask, checked before anything runs (HTTP 400).

The API is public: one request must not be able to hold a worker. Each check is
cheaper than the next and runs before it:

1. the document's size in bytes, before parsing;
2. its tokens (graphql-core's `parse(max_tokens=...)`);
3. one walk of the syntax tree: operations, depth, aliases, directives per field
   and in all, before validation (which would otherwise answer a field with
   thousands of unknown directives with one error each);
4. after validation, with the schema's types: the cost. Each field costs 1; a
   field with a page size (`perPage`, `limit`, `first`) multiplies what it
   selects by that size (its default when not given), so 2,000 aliases of
   `newsArticles(perPage: 100)` cost millions and are refused at once.

The limits are settings (`GRAPHQL_MAX_*`, cms/settings/base.py); the errors have
the stable codes of the README's table. Steps 1 to 3 are cached with the parsed
document (`cms.api.views`); the cost depends on the variables too.
"""

from dataclasses import dataclass

from django.conf import settings
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    get_named_type,
)
from graphql.utilities import value_from_ast_untyped

from .errors import ApiError

DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE"
TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
TOO_MANY_OPERATIONS = "TOO_MANY_OPERATIONS"
QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
TOO_MANY_DIRECTIVES = "TOO_MANY_DIRECTIVES"
QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"

PAGE_SIZE_ARGUMENTS = ("perPage", "limit", "first")


def document_limits():
    """The limits a parsed document was checked against (part of its cache key)."""
    return tuple(
        getattr(settings, f"GRAPHQL_MAX_{name}")
        for name in ("BYTES", "TOKENS", "OPERATIONS", "DEPTH", "ALIASES", "FIELD_DIRECTIVES")
    ) + (settings.GRAPHQL_MAX_DIRECTIVES,)


def limit_error(code, what, limit, actual):
    return ApiError(code, f"{what}: {actual}, more than the {limit} allowed.", limit=limit)


def check_size(query):
    size = len(query.encode())
    if size > settings.GRAPHQL_MAX_BYTES:
        raise limit_error(
            DOCUMENT_TOO_LARGE, "The query's size in bytes", settings.GRAPHQL_MAX_BYTES, size
        )


@dataclass
class Shape:
    """What one walk of the document finds."""

    operations: int = 0
    depth: int = 0
    aliases: int = 0
    directives: int = 0
    most_on_a_field: int = 0


def measure(document):
    """The document's shape: each node counted once, depth with fragments expanded."""
    shape = Shape()
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    depths = {}
    for definition in document.definitions:
        shape.directives += len(definition.directives or ())
        _count(definition.selection_set, shape)
        if isinstance(definition, OperationDefinitionNode):
            shape.operations += 1
            depth = _depth(definition.selection_set, fragments, depths, frozenset())
            shape.depth = max(shape.depth, depth)
    return shape


def _count(selection_set, shape):
    for selection in selection_set.selections if selection_set else ():
        directives = len(selection.directives or ())
        shape.directives += directives
        shape.most_on_a_field = max(shape.most_on_a_field, directives)
        if isinstance(selection, FieldNode):
            shape.aliases += selection.alias is not None
        if not isinstance(selection, FragmentSpreadNode):
            _count(selection.selection_set, shape)


def _depth(selection_set, fragments, depths, visiting):
    """Fields nested below (a spread fragment's depth computed once; cycles, which
    validation refuses anyway, end the walk)."""
    deepest = 0
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            deepest = max(deepest, 1 + _depth(selection.selection_set, fragments, depths, visiting))
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(deepest, _depth(selection.selection_set, fragments, depths, visiting))
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in visiting or name not in fragments:
                continue
            if name not in depths:
                depths[name] = _depth(
                    fragments[name].selection_set, fragments, depths, visiting | {name}
                )
            deepest = max(deepest, depths[name])
    return deepest


def check_shape(document):
    """Refuse a document over the limits of its shape (step 3)."""
    shape = measure(document)
    for code, what, limit, actual in (
        (TOO_MANY_OPERATIONS, "Operations in one request", "OPERATIONS", shape.operations),
        (QUERY_TOO_DEEP, "The query's depth", "DEPTH", shape.depth),
        (TOO_MANY_ALIASES, "Aliases", "ALIASES", shape.aliases),
        (TOO_MANY_DIRECTIVES, "Directives on one field", "FIELD_DIRECTIVES", shape.most_on_a_field),
        (TOO_MANY_DIRECTIVES, "Directives", "DIRECTIVES", shape.directives),
    ):
        maximum = getattr(settings, f"GRAPHQL_MAX_{limit}")
        if actual > maximum:
            raise limit_error(code, what, maximum, actual)


def query_cost(schema, document, operation, variables):
    """The cost of running `operation` (see the module docstring)."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    root = schema.get_root_type(operation.operation)
    return _cost(schema, operation.selection_set, root, fragments, variables or {})


def _cost(schema, selection_set, parent_type, fragments, variables):
    total = 0
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            field = _field(schema, parent_type, selection.name.value)
            if field is None:  # __typename and introspection
                total += 1
                continue
            child_type = get_named_type(field.type)
            below = _cost(schema, selection.selection_set, child_type, fragments, variables)
            total += 1 + _page_size(field, selection, variables) * below
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            fragment_type = schema.get_type(condition.name.value) if condition else parent_type
            total += _cost(schema, selection.selection_set, fragment_type, fragments, variables)
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                fragment_type = schema.get_type(fragment.type_condition.name.value)
                total += _cost(schema, fragment.selection_set, fragment_type, fragments, variables)
    return total


def _field(schema, parent_type, name):
    """The field's definition (None for __typename, introspection or a union's member)."""
    return getattr(parent_type, "fields", {}).get(name) if parent_type is not None else None


def _page_size(field, node, variables):
    """How many of what it selects the field may return (1 for a field with no page size)."""
    for name in PAGE_SIZE_ARGUMENTS:
        if name not in field.args:
            continue
        given = next((arg for arg in node.arguments if arg.name.value == name), None)
        value = value_from_ast_untyped(given.value, variables) if given else None
        if value is None:
            value = field.args[name].default_value
        if not isinstance(value, int) or value < 1:
            value = settings.GRAPPLE["PAGE_SIZE"]
        return min(value, settings.GRAPPLE["MAX_PAGE_SIZE"]) if name != "first" else value
    return 1


def check_cost(schema, document, operation, variables):
    cost = query_cost(schema, document, operation, variables)
    if cost > settings.GRAPHQL_MAX_COST:
        raise limit_error(QUERY_TOO_COSTLY, "The query's cost", settings.GRAPHQL_MAX_COST, cost)
    return cost
