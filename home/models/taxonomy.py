"""Translatable snippets shared by every section."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from grapple.models import GraphQLString
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Country(TranslatableMixin, index.Indexed, models.Model):
    """A country, named in each locale and identified everywhere by its ISO code."""

    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        help_text=_("Two capital letters, e.g. JP for Japan."),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]
    search_fields = [index.SearchField("name"), index.FilterField("code")]
    # The ISO code is the same in every language: not offered to translators.
    override_translatable_fields = [SynchronizedField("code")]
    graphql_fields = [
        GraphQLString("name", required=True, description="The country's name in this locale."),
        GraphQLString("code", required=True, description="ISO 3166-1 alpha-2 code, e.g. JP."),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "locale"], name="unique_country_code_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.code = self.code.upper()
        super().save(*args, **kwargs)


class City(TranslatableMixin, models.Model):
    """A city whose weather the site header shows; its name is translated."""

    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("name")]
    graphql_fields = [
        GraphQLString("name", required=True, description="The city's name in this locale."),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]

    def __str__(self):
        return self.name
