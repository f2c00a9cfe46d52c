from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    name = "languages"
    verbose_name = _("Languages")

    def ready(self):
        # First among the project's apps (INSTALLED_APPS): the syndication handlers of the
        # same signals read the state these write.
        from languages import signals

        signals.connect()
