"""Header data: today's weather in two cities and today's exchange rates.

One reading per city per day and one rate per currency per day: a second run
on the same day updates them instead of adding more.
"""

import datetime

from django.utils import timezone

from home.models import CityWeather, ExchangeRate

from .content import taxonomy


def load_weather(cities, source_code):
    """`cities` maps a city's name to {language code: City}; readings go to the source city."""
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    day_start = now.replace(hour=0)
    day_end = day_start + datetime.timedelta(days=1)
    for name, temperature in taxonomy.WEATHER.items():
        city = cities[name][source_code]
        reading = CityWeather.objects.filter(
            city__translation_key=city.translation_key,
            source=taxonomy.WEATHER_SOURCE,
            observed_at__gte=day_start,
            observed_at__lt=day_end,
        ).first()
        if reading is None:
            reading = CityWeather(city=city, source=taxonomy.WEATHER_SOURCE)
        reading.temperature_c = temperature
        reading.observed_at = now
        reading.save()
    return len(taxonomy.WEATHER)


def load_rates():
    today = timezone.localdate()
    for currency, rate in taxonomy.RATES.items():
        ExchangeRate.objects.update_or_create(
            currency=currency,
            date=today,
            defaults={"rate": rate, "source": taxonomy.RATES_SOURCE},
        )
    return len(taxonomy.RATES)


def load_header(cities, source_code, stdout):
    readings = load_weather(cities, source_code)
    rates = load_rates()
    stdout.write(f"Header: {readings} weather readings, {rates} exchange rates for today.")
