from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.viewsets import UserLanguageFormsMixin
from partners.models import Partner


class PartnerViewSet(UserLanguageFormsMixin, SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "country", "website"]
    search_fields = ["name"]


register_snippet(PartnerViewSet)


@hooks.register("register_schema_query")
def register_partner_queries(query_mixins):
    from partners.schema import PartnersQuery

    query_mixins.append(PartnersQuery)
