"""How old the header data is (weather readings, exchange rates), read at each scrape.

Whatever brings them in (an importer, an editor), freshness is the newest row: a
reading's `observed_at`, a rate's `date` (its day's start in TIME_ZONE). No row: no sample.
"""

from datetime import datetime, time

from django.db.models import Max
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily

from home.models import CityWeather, ExchangeRate


def newest_times():
    weather = CityWeather.objects.aggregate(last=Max("observed_at"))["last"]
    day = ExchangeRate.objects.aggregate(last=Max("date"))["last"]
    rates = None if day is None else timezone.make_aware(datetime.combine(day, time.min))
    return {"weather": weather, "exchange_rates": rates}


class HeaderDataCollector:
    def collect(self):
        now = timezone.now()
        family = GaugeMetricFamily(
            "otandas_importer_data_age_seconds",
            "Seconds since the newest header data of each kind (weather, exchange_rates).",
            labels=["importer"],
        )
        for importer, newest in newest_times().items():
            if newest is not None:
                family.add_metric([importer], max(0.0, (now - newest).total_seconds()))
        yield family
