from django.db import models
from django.utils.translation import gettext_lazy as _
from grapple.models import GraphQLImage, GraphQLSnippet, GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from cms.api.image_loader import ImageLoader
from cms.api.loaders import ForeignKeyLoader


class Partner(TranslatableMixin, index.Indexed, models.Model):
    """A partner foundation or organisation we run programmes with."""

    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    country = models.ForeignKey(
        "home.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("country"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]
    graphql_fields = [
        GraphQLString("name", required=True, description="The partner's name in this locale."),
        GraphQLImage("logo", source="logo_for_reader", description="The partner's logo."),
        GraphQLString("website", description="The partner's website."),
        GraphQLString("description", description="What the partner does."),
        GraphQLSnippet(
            "country",
            "home.Country",
            source="country_for_reader",
            description="Where the partner is based.",
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    # For every partner the request shows at once (cms.api.loaders).

    def logo_for_reader(self, info=None, **kwargs):
        return ImageLoader.of().image(self.logo_id)

    def country_for_reader(self, info=None, **kwargs):
        return ForeignKeyLoader.of(Partner, "country").load(self)
