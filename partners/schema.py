"""Programmes, cultural projects and partners in the delivery API."""

import graphene
from grapple.registry import registry

from cms.api.locales import get_locale
from cms.api.pagination import page_arguments, paginate, paginated_type
from cms.api.visibility import visible_pages
from partners.models import CulturalProjectPage, Partner, ProgrammePage

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


def section_queryset(model, locale, country=None, include_untranslated=False):
    queryset = model.objects.filter(locale=locale)
    if not include_untranslated:
        queryset = queryset.filter(alias_of__isnull=True)
    if country:
        queryset = queryset.filter(country__code=country.upper())
    return visible_pages(None, queryset).select_related("country").order_by(
        "-first_published_at", "-pk"
    )


def _section_field(paginated, noun):
    return graphene.Field(
        graphene.NonNull(paginated),
        locale=graphene.String(required=True, **LOCALE_ARG),
        country=graphene.String(description="An ISO 3166 country code, e.g. JP."),
        include_untranslated=graphene.Boolean(
            default_value=False, description=f"Also list {noun} not yet translated into this locale."
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

    def resolve_programmes(self, info, locale, page=1, per_page=20, **filters):
        queryset = section_queryset(ProgrammePage, get_locale(locale), **filters).select_related(
            "partner"
        )
        items, pagination = paginate(queryset, page, per_page)
        return {"items": items, "pagination": pagination}

    def resolve_cultural_projects(self, info, locale, page=1, per_page=20, **filters):
        queryset = section_queryset(CulturalProjectPage, get_locale(locale), **filters)
        queryset = queryset.prefetch_related("project_partners__partner")
        items, pagination = paginate(queryset, page, per_page)
        return {"items": items, "pagination": pagination}

    def resolve_partners(self, info, locale):
        return (
            Partner.objects.filter(locale=get_locale(locale))
            .select_related("logo", "country")
            .order_by("name")
        )
