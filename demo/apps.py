from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo content and the benchmark's articles: uses every content app, used by none."""

    name = "demo"
    verbose_name = _("Demo content")
