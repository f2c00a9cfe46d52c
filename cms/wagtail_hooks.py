"""Admin and delivery API wiring that belongs to no app.

`cms` comes before `grapple` in INSTALLED_APPS, so this mixin precedes grapple's
in the schema's Query bases and its fields replace grapple's of the same name.

Two-factor sign-in (cms/two_factor): its pages under /admin/two-factor/, an item in
Account › More actions, and "Reset two-factor sign-in" in the users listing (superusers).
"""

from django.conf import settings
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from cms import worker_health


@hooks.register("register_schema_query")
def register_reader_queries(query_mixins):
    from cms.api.grapple_queries import reader_query_mixin

    query_mixins.append(reader_query_mixin())


# --- two-factor sign-in (cms/two_factor) ---------------------------------------------


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include("cms.two_factor.urls"))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    if not settings.ADMIN_2FA_ENABLED:
        return None
    return {
        "url": reverse("two_factor_manage"),
        "label": _("Two-factor sign-in"),
        "help_text": _("A code from an authenticator app after your password; recovery codes."),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if not (settings.ADMIN_2FA_ENABLED and request_user.is_superuser):
        return []
    return [
        Button(
            _("Reset two-factor sign-in"),
            url=reverse("two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
    ]


# --- background worker health (cms/worker_health.py) --------------------------------


class WorkerHealthPanel(Component):
    """Shown to superusers only, and only while the worker is unhealthy."""

    name = "cms_worker_health"
    template_name = "cms/panels/worker_health.html"
    order = 10  # first: nothing scheduled happens meanwhile

    def __init__(self, state):
        self.state = state

    def get_context_data(self, parent_context):
        return {"state": self.state}


@hooks.register("construct_homepage_panels")
def worker_health_panel(request, panels):
    if not request.user.is_superuser:
        return
    state = worker_health.status()
    if state["problems"]:
        panels.append(WorkerHealthPanel(state))
