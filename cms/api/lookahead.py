"""Which image sizes a query asks for, read from the query before it runs.

Loading every rendition of every image in a list is wasteful once an image has
dozens of sizes; loading per image is N+1. Reading the `rendition` and `srcSet`
fields out of the query document lets a list load exactly the sizes it will
show, in one query.
"""

from graphql import FieldNode, FragmentDefinitionNode, FragmentSpreadNode, InlineFragmentNode
from graphql.utilities import value_from_ast_untyped

# The order grapple joins rendition arguments in (its field definition's order).
RENDITION_ARGUMENTS = (
    "max",
    "min",
    "width",
    "height",
    "fill",
    "format",
    "bgcolor",
    "jpegquality",
    "webpquality",
)


def _arguments(node, variables):
    return {arg.name.value: value_from_ast_untyped(arg.value, variables) for arg in node.arguments}


def _fields(selection_set, fragments):
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, fragments)
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                yield from _fields(fragment.selection_set, fragments)


def child_fields(info):
    """Names of the fields selected directly below the current one."""
    return {
        field.name.value
        for node in info.field_nodes
        for field in _fields(node.selection_set, info.fragments)
    }


def selected_fields(info):
    """Names of every field selected below the current one (at any depth)."""
    names = set()
    pending = [node.selection_set for node in info.field_nodes]
    while pending:
        for field in _fields(pending.pop(), info.fragments):
            names.add(field.name.value)
            if field.selection_set:
                pending.append(field.selection_set)
    return names


def rendition_specs(info):
    """The filter specs of every `rendition`/`srcSet` below the current field."""
    return _specs(
        [node.selection_set for node in info.field_nodes], info.fragments, info.variable_values
    )


def operation_rendition_specs(document, operation, variables):
    """The filter specs of every `rendition`/`srcSet` an operation asks for, anywhere."""
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    return _specs([operation.selection_set], fragments, variables or {})


def _specs(selection_sets, fragments, variables):
    specs = set()
    pending = list(selection_sets)
    while pending:
        for field in _fields(pending.pop(), fragments):
            name = field.name.value
            if name == "rendition":
                args = _arguments(field, variables)
                parts = [f"{key}-{args[key]}" for key in RENDITION_ARGUMENTS if key in args]
                specs.add("|".join(parts) or "original")
            elif name == "srcSet":
                args = _arguments(field, variables)
                suffix = f"|format-{args['format']}" if args.get("format") else ""
                specs.update(f"width-{width}{suffix}" for width in args.get("sizes") or ())
            if field.selection_set:
                pending.append(field.selection_set)
    return specs
