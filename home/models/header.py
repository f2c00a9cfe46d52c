"""Data shown in the site header: weather readings and exchange rates.

Readings are facts, not prose, so they are not translated; city names are.
"""

import graphene
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from grapple.models import GraphQLField, GraphQLFloat, GraphQLString
from wagtail.admin.panels import FieldPanel


class CityWeather(models.Model):
    city = models.ForeignKey(
        "home.City",
        verbose_name=_("city"),
        on_delete=models.CASCADE,
        related_name="weather_readings",
    )
    temperature_c = models.DecimalField(_("temperature, °C"), max_digits=4, decimal_places=1)
    observed_at = models.DateTimeField(_("observed at"), default=timezone.now)
    source = models.CharField(_("source"), max_length=100, blank=True)

    panels = [
        FieldPanel("city"),
        FieldPanel("temperature_c"),
        FieldPanel("observed_at"),
        FieldPanel("source"),
    ]
    graphql_fields = [
        GraphQLFloat("temperature_c", required=True, description="Temperature in °C."),
        GraphQLField(
            "observed_at", graphene.DateTime, required=True, description="When it was measured."
        ),
        GraphQLString("source", description="Where the reading comes from."),
    ]

    class Meta:
        verbose_name = _("weather reading")
        verbose_name_plural = _("weather readings")
        ordering = ["-observed_at"]
        get_latest_by = "observed_at"

    def __str__(self):
        return f"{self.city}: {self.temperature_c:+} °C ({self.observed_at:%Y-%m-%d %H:%M})"


class ExchangeRate(models.Model):
    currency = models.CharField(
        _("currency"), max_length=3, help_text=_("ISO 4217 code, e.g. USD.")
    )
    rate = models.DecimalField(
        _("rate, KZT"),
        max_digits=12,
        decimal_places=4,
        help_text=_("How many tenge one unit of the currency costs."),
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    source = models.CharField(_("source"), max_length=100, blank=True)

    panels = [FieldPanel("currency"), FieldPanel("rate"), FieldPanel("date"), FieldPanel("source")]
    graphql_fields = [
        GraphQLString("currency", required=True, description="ISO 4217 code, e.g. USD."),
        GraphQLFloat("rate", required=True, description="Price of one unit in tenge (KZT)."),
        GraphQLField(
            "date", graphene.Date, required=True, description="The day the rate applies to."
        ),
        GraphQLString("source", description="Who published the rate."),
    ]

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["-date", "currency"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="unique_rate_per_day")
        ]

    def __str__(self):
        return f"{self.currency} {self.rate} ({self.date})"

    def save(self, *args, **kwargs):
        self.currency = self.currency.upper()
        super().save(*args, **kwargs)
