"""The GraphQL schema: grapple's types and queries plus each app's own queries.

Apps add their queries through Wagtail's `register_schema_query` hook in their
`wagtail_hooks.py`; this module only composes.
"""

from grapple.schema import create_schema

schema = create_schema()
