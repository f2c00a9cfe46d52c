"""The header data of the delivery API: weather and exchange rates."""

import graphene

from cms.api.locales import get_locale
from cms.api.surrogate_keys import tag_list
from home.models import City, CityWeather, ExchangeRate


class WeatherReading(graphene.ObjectType):
    """The latest reading for one city."""

    city = graphene.String(required=True, description="The city's name in the requested locale.")
    temperature_c = graphene.Float(required=True, description="Temperature in °C.")
    observed_at = graphene.DateTime(
        required=True, description="When it was measured; an app can tell stale data by it."
    )
    source = graphene.String(description="Where the reading comes from.")


class Rate(graphene.ObjectType):
    """The latest rate of one currency in tenge."""

    currency = graphene.String(required=True, description="ISO 4217 code, e.g. USD.")
    rate = graphene.Float(required=True, description="Price of one unit in tenge (KZT).")
    date = graphene.Date(required=True, description="The day the rate applies to.")
    source = graphene.String(description="Who published the rate.")


class Ticker(graphene.ObjectType):
    """What the site header shows: weather in the cities and exchange rates."""

    weather = graphene.List(
        graphene.NonNull(WeatherReading), required=True, description="Latest reading per city."
    )
    exchange_rates = graphene.List(
        graphene.NonNull(Rate), required=True, description="Latest rate per currency."
    )


def latest_weather(locale):
    names = dict(City.objects.filter(locale=locale).values_list("translation_key", "name"))
    latest = {}
    for reading in CityWeather.objects.select_related("city").order_by("-observed_at", "-pk"):
        latest.setdefault(reading.city.translation_key, reading)
    return [
        WeatherReading(
            city=names.get(key, reading.city.name),
            temperature_c=float(reading.temperature_c),
            observed_at=reading.observed_at,
            source=reading.source,
        )
        for key, reading in sorted(
            latest.items(), key=lambda item: names.get(item[0], item[1].city.name)
        )
    ]


def latest_rates():
    latest = {}
    for rate in ExchangeRate.objects.order_by("-date", "currency"):
        latest.setdefault(rate.currency, rate)
    return [
        Rate(currency=r.currency, rate=float(r.rate), date=r.date, source=r.source)
        for r in sorted(latest.values(), key=lambda r: r.currency)
    ]


class HomeQuery(graphene.ObjectType):
    ticker = graphene.Field(
        graphene.NonNull(Ticker),
        locale=graphene.String(required=True, description="Language code, e.g. kk, ru, en."),
        description="Weather and exchange rates for the site header.",
    )

    def resolve_ticker(self, info, locale):
        locale_obj = get_locale(locale)
        tag_list(CityWeather)
        tag_list(ExchangeRate)
        return Ticker(weather=latest_weather(locale_obj), exchange_rates=latest_rates())
