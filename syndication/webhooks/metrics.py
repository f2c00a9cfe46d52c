"""Webhook deliveries by state, read from their table at each scrape of /metrics."""

from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily

from syndication.models import WebhookDelivery


class WebhookDeliveryCollector:
    def collect(self):
        counts = dict(
            WebhookDelivery.objects.values_list("status").annotate(n=Count("pk")).order_by()
        )
        family = GaugeMetricFamily(
            "otandas_webhook_deliveries",
            "Webhook deliveries kept, by state (finished ones are pruned after "
            "WEBHOOK_DELIVERY_RETENTION_DAYS).",
            labels=["state"],
        )
        for state in WebhookDelivery.Status.values:
            family.add_metric([state], counts.get(state, 0))
        yield family
