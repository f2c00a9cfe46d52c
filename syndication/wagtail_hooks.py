"""Wiring only: the partner-only GraphQL field, the clients' admin, the webhooks' admin."""

from wagtail import hooks

from syndication.admin_views import SyndicationClientViewSet
from syndication.webhooks import admin as webhooks_admin  # noqa: F401 (registers its hooks)


@hooks.register("register_schema_query")
def register_syndication_queries(query_mixins):
    from syndication.schema import SyndicationQuery

    query_mixins.append(SyndicationQuery)


@hooks.register("register_admin_viewset")
def register_syndication_clients():
    return SyndicationClientViewSet("syndication_clients")
