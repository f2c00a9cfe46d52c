"""Programmes, cultural projects and partners in the delivery API."""

import graphene
from grapple.registry import registry

from cms.api.locales import get_locale
from cms.api.pagination import page_arguments, paginate, paginated_type
from partners.models import CulturalProjectPage, Partner, ProgrammePage
from partners.queries import section_queryset

LOCALE_ARG = {"description": "Language code, e.g. kk, ru, en."}

ProgrammePaginated = paginated_type(
    "ProgrammePaginated",
    lambda: registry.pages[ProgrammePage],
    "A page of compatriot programmes, newest first.",
)
CulturalProjectPaginated = paginated_type(
    "CulturalProjectPaginated",
    lambda: registry.pages[CulturalProjectPage],
    "A page of cultural projects, newest first.",
)


def _section_field(paginated, noun):
    return graphene.Field(
        graphene.NonNull(paginated),
        locale=graphene.String(required=True, **LOCALE_ARG),
        country=graphene.String(description="An ISO 3166 country code, e.g. JP."),
        include_untranslated=graphene.Boolean(
            default_value=False,
            description=f"Also list {noun} not yet translated into this locale.",
        ),
        **page_arguments(),
        description=f"Published {noun} in one locale, newest first.",
    )


class PartnersQuery(graphene.ObjectType):
    programmes = _section_field(ProgrammePaginated, "compatriot programmes")
    cultural_projects = _section_field(CulturalProjectPaginated, "cultural projects")
    partners = graphene.List(
        graphene.NonNull(lambda: registry.snippets[Partner]),
        required=True,
        locale=graphene.String(required=True, **LOCALE_ARG),
        description="Partner foundations and organisations, named in the locale.",
    )

    def resolve_programmes(self, info, locale, page=1, per_page=20, after=None, **filters):
        queryset = section_queryset(ProgrammePage, get_locale(locale), **filters)
        return paginate(queryset.select_related("partner"), page, per_page, info, after=after)

    def resolve_cultural_projects(self, info, locale, page=1, per_page=20, after=None, **filters):
        queryset = section_queryset(CulturalProjectPage, get_locale(locale), **filters)
        return paginate(queryset, page, per_page, info, after=after)

    def resolve_partners(self, info, locale):
        partners = Partner.objects.filter(locale=get_locale(locale)).select_related("country")
        return partners.order_by("name")
