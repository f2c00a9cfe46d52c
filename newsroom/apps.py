from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def setup_roles_after_migrate(sender, **kwargs):
    """Top up the roles after every `migrate`: permissions of apps migrated after this
    one, page permissions and review workflow on trees that exist by now."""
    from newsroom.roles import grant_page_permissions

    grant_page_permissions()


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom roles and review")

    def ready(self):
        from newsroom import signals, wagtail_labels

        post_migrate.connect(setup_roles_after_migrate, sender=self)
        signals.connect()
        wagtail_labels.make_lazy()
