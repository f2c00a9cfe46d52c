"""Programmes, cultural projects and partners in the delivery API."""

import graphene
from django.db.models import Prefetch
from grapple.registry import registry

from cms.api.locales import get_locale
from cms.api.lookahead import rendition_specs
from cms.api.pagination import page_arguments, paginate, paginated_type
from cms.api.preload import page_image_ids, preload_images
from cms.api.snippets import localize_snippets
from cms.api.translations import load_translations
from cms.api.visibility import locale_pages
from partners.models import CulturalProjectPage, CulturalProjectPartner, Partner, ProgrammePage

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
    queryset = locale_pages(model, locale, include_untranslated)
    return queryset.filter(country__code=country.upper()) if country else queryset


def prepare_partners(partners, specs):
    """Logos of a list of partners, with their renditions, in one go."""
    partners = [partner for partner in partners if partner is not None]
    logos = preload_images({p.logo_id for p in partners if p.logo_id}, specs)
    for partner in partners:
        if partner.logo_id:
            partner.logo = logos.get(partner.logo_id)
    return partners


def prepare_pages(pages, specs, *stream_fields):
    """Load what these page types show for the whole list at once (see cms.api.preload)."""
    load_translations(pages)
    slots = [(page, "country", page.locale_id) for page in pages]
    for page in pages:
        if isinstance(page, ProgrammePage):
            slots.append((page, "partner", page.locale_id))
        else:
            slots += [(item, "partner", page.locale_id) for item in page.project_partners.all()]
    localize_snippets(slots)
    image_ids = set()
    for page in pages:
        image_ids |= page_image_ids(page, *stream_fields)
    partners = [holder.partner for holder, attr, _ in slots if attr == "partner"]
    image_ids |= {partner.logo_id for partner in partners if partner and partner.logo_id}
    preload_images(image_ids, specs)
    prepare_partners(partners, specs)
    return pages


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

    def resolve_programmes(self, info, locale, page=1, per_page=20, **filters):
        queryset = section_queryset(ProgrammePage, get_locale(locale), **filters).select_related(
            "partner"
        )
        items, pagination = paginate(queryset, page, per_page, info)
        return {
            "items": prepare_pages(items, rendition_specs(info), "body"),
            "pagination": pagination,
        }

    def resolve_cultural_projects(self, info, locale, page=1, per_page=20, **filters):
        queryset = section_queryset(CulturalProjectPage, get_locale(locale), **filters)
        queryset = queryset.prefetch_related(
            Prefetch(
                "project_partners",
                CulturalProjectPartner.objects.select_related("partner__country"),
            )
        )
        items, pagination = paginate(queryset, page, per_page, info)
        return {
            "items": prepare_pages(items, rendition_specs(info), "body", "gallery"),
            "pagination": pagination,
        }

    def resolve_partners(self, info, locale):
        partners = Partner.objects.filter(locale=get_locale(locale)).select_related("country")
        return prepare_partners(list(partners.order_by("name")), rendition_specs(info))
