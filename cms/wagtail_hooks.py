"""Delivery API wiring that belongs to no app.

`cms` comes before `grapple` in INSTALLED_APPS, so this mixin precedes grapple's
in the schema's Query bases and its fields replace grapple's of the same name.
"""

from wagtail import hooks


@hooks.register("register_schema_query")
def register_reader_queries(query_mixins):
    from cms.api.grapple_queries import reader_query_mixin

    query_mixins.append(reader_query_mixin())
