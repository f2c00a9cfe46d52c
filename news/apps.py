from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from wagtail.signals import post_page_move

        from news import archive

        post_page_move.connect(archive.on_page_moved, dispatch_uid="news_year_folder_moved")
