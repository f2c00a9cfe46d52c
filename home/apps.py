from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared content")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.images import get_image_model
        from wagtail.signals import page_published

        from cms.api.metrics import register_collector
        from home import checks, metrics, renditions  # noqa: F401  (checks: registered on import)

        register_collector(metrics.HeaderDataCollector())

        post_save.connect(renditions.on_image_saved, sender=get_image_model())
        page_published.connect(renditions.on_page_published)
