"""The GraphQL schema: grapple's types and queries plus each app's own queries.

Apps add their queries through Wagtail's `register_schema_query` hook in their
`wagtail_hooks.py`; this module only composes, then wraps the resolvers that need the reader's
guards (`cms.api.guards`).
"""

from django.utils import translation
from grapple.registry import registry

from cms.api import guards


def drop_internal_models():
    """grapple makes a type for every model of an app, inline rows and partner keys
    included; a model that declares no `graphql_fields` is internal and stays out."""
    for model in list(registry.django_models):
        if not getattr(model, "graphql_fields", None):
            del registry.django_models[model]


drop_internal_models()
# In English, whichever language is active: graphene-django turns help texts into plain strings
# as it builds types (see cms.grapple_config), and grapple's own types are built on this import.
with translation.override("en"):
    from grapple.schema import create_schema

    schema = create_schema()
guards.install(schema.graphql_schema)
