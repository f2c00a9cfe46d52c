from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from partners.models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "country", "website"]
    search_fields = ["name"]


register_snippet(PartnerViewSet)


@hooks.register("register_schema_query")
def register_partner_queries(query_mixins):
    from partners.schema import PartnersQuery

    query_mixins.append(PartnersQuery)


@hooks.register("register_schema_query")
def register_syndication_queries(query_mixins):
    from partners.syndication_schema import SyndicationQuery

    query_mixins.append(SyndicationQuery)


@hooks.register("register_admin_viewset")
def register_syndication_clients():
    from partners.admin_views import SyndicationClientViewSet

    return SyndicationClientViewSet("syndication_clients")


# Settings › Webhooks: endpoints, delivery log, redelivery (registers its own hooks).
from partners import webhook_admin  # noqa: E402, F401
