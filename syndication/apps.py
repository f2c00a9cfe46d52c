from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    """Partner access: clients and keys, the change log, ninjs, the partner endpoints and
    webhooks. It listens to the content apps' signals; they know nothing of it."""

    name = "syndication"
    verbose_name = _("Syndication")

    def ready(self):
        from cms.api.metrics import register_collector
        from syndication import signals
        from syndication.webhooks import delivery, metrics

        signals.connect()
        delivery.connect()
        register_collector(metrics.WebhookDeliveryCollector())
