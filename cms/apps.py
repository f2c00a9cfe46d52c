from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Otandas"

    def ready(self):
        # Before grapple builds its types (grapple comes later in INSTALLED_APPS).
        from cms import error_reporting
        from cms.api import cache_signals, descriptions, images, signals

        error_reporting.init()

        descriptions.install()

        images.register()
        signals.connect()
        cache_signals.connect()
