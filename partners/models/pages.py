"""Compatriot programmes and cultural projects, each under its own index page."""

import graphene
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from grapple.models import (
    GraphQLField,
    GraphQLRichText,
    GraphQLSnippet,
    GraphQLStreamfield,
    GraphQLString,
)
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms.api.loaders import ChildRelationLoader, ForeignKeyLoader
from home.blocks import BaseStreamBlock, GalleryBlock
from home.models import BasePage, SectionIndexPage

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ProgrammeIndexPage(SectionIndexPage):
    subpage_types = ["partners.ProgrammePage"]

    class Meta:
        verbose_name = _("programme index")


class ProgrammePage(BasePage):
    """A compatriot programme run with a partner foundation."""

    summary = models.TextField(_("summary"))
    eligibility = RichTextField(_("who can apply"), features=TEXT_FEATURES, blank=True)
    how_to_apply = RichTextField(_("how to apply"), features=TEXT_FEATURES, blank=True)
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    country = models.ForeignKey(
        "home.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for programmes open to compatriots everywhere."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["partners.ProgrammeIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("eligibility"),
                FieldPanel("how_to_apply"),
                FieldPanel("application_deadline"),
            ],
            heading=_("Applying"),
        ),
        MultiFieldPanel(
            [FieldPanel("partner"), FieldPanel("country")], heading=_("Classification")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("country"),
    ]
    graphql_fields = [
        GraphQLString("summary", required=True, description="What the programme offers."),
        GraphQLRichText("eligibility", description="Who can apply, as HTML."),
        GraphQLRichText("how_to_apply", description="How to apply, as HTML."),
        GraphQLField(
            "application_deadline", graphene.Date, description="Last day to apply, if any."
        ),
        GraphQLSnippet(
            "partner",
            "partners.Partner",
            source="partner_for_reader",
            description="The partner running it.",
        ),
        GraphQLSnippet(
            "country",
            "home.Country",
            source="country_for_reader",
            description="Where it takes place, if anywhere.",
        ),
        GraphQLStreamfield("body", description="The programme's content blocks."),
    ]

    class Meta:
        verbose_name = _("compatriot programme")
        verbose_name_plural = _("compatriot programmes")

    # In this page's locale, for every programme the request shows at once (cms.api.loaders).

    def partner_for_reader(self, info=None, **kwargs):
        return ForeignKeyLoader.of(ProgrammePage, "partner").load(self)

    def country_for_reader(self, info=None, **kwargs):
        return ForeignKeyLoader.of(ProgrammePage, "country").load(self)


class CulturalProjectIndexPage(SectionIndexPage):
    subpage_types = ["partners.CulturalProjectPage"]

    class Meta:
        verbose_name = _("cultural project index")


class CulturalProjectPartner(TranslatableMixin, Orderable):
    """Translatable so that wagtail-localize maps each partner to the target locale's."""

    page = ParentalKey(
        "partners.CulturalProjectPage", on_delete=models.CASCADE, related_name="project_partners"
    )
    partner = models.ForeignKey(
        "partners.Partner", verbose_name=_("partner"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("partner")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class CulturalProjectPage(BasePage):
    summary = models.TextField(_("summary"))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.ForeignKey(
        "home.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gallery = StreamField(
        [("gallery", GalleryBlock())], verbose_name=_("gallery"), blank=True, max_num=1
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["partners.CulturalProjectIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("gallery"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("place"),
                FieldPanel("country"),
                InlinePanel("project_partners", label=_("Partners")),
            ],
            heading=_("When, where, with whom"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("country"),
    ]
    graphql_fields = [
        GraphQLString("summary", required=True, description="What the project is."),
        GraphQLField("start_date", graphene.Date, description="First day, if known."),
        GraphQLField("end_date", graphene.Date, description="Last day, if known."),
        GraphQLString("place", description="Venue or city."),
        GraphQLSnippet(
            "country",
            "home.Country",
            source="country_for_reader",
            description="Where it takes place.",
        ),
        GraphQLSnippet(
            "partners",
            "partners.Partner",
            is_list=True,
            source="partner_list",
            description="Partners of the project, in the editor's order.",
        ),
        GraphQLStreamfield("gallery", description="The project's image gallery."),
        GraphQLStreamfield("body", description="The project's content blocks."),
    ]

    class Meta:
        verbose_name = _("cultural project")
        verbose_name_plural = _("cultural projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The project cannot end before it starts.")})

    # In this page's locale, for every project the request shows at once (cms.api.loaders).

    def partner_list(self, info=None, **kwargs):
        return ChildRelationLoader.of(CulturalProjectPage, "project_partners", "partner").load(self)

    def country_for_reader(self, info=None, **kwargs):
        return ForeignKeyLoader.of(CulturalProjectPage, "country").load(self)
