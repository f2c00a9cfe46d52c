"""The webhook pages of the admin (Settings › Webhooks): endpoints, delivery log, redelivery.

Editors who manage partners need to see whether pushes arrive, why not, and to
push an event again after a receiver was fixed. The log shows each attempt
(time, status code, duration, error text). Error texts never contain the
secret or the URL's query; the URL itself is shown without its query.

Viewing needs `syndication.view_webhookdelivery`; redelivering and re-enabling need
`syndication.change_webhookdelivery` (superusers have both).
"""

from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from syndication.models import SyndicationClient, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from syndication.webhooks.retention import retention_days
from syndication.webhooks.state import current_status, redeliver, reenable

VIEW_PERM = "syndication.view_webhookdelivery"
CHANGE_PERM = "syndication.change_webhookdelivery"
LOG_LENGTH = 100
Status = WebhookDelivery.Status


def _require(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def shown_url(url):
    """The URL without query or fragment (they may carry a token)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if url else ""


class EndpointListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "syndication/webhooks/endpoints.html"
    page_title = gettext_lazy("Webhooks")
    header_icon = "link-external"

    def dispatch(self, request, *args, **kwargs):
        _require(request, VIEW_PERM)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        unfinished = Q(webhook_deliveries__status__in=WebhookDelivery.UNFINISHED)
        has_webhook = Q(webhook_url__gt="") | Q(webhook_endpoint__isnull=False)
        clients = (
            SyndicationClient.objects.filter(has_webhook)
            .select_related("partner", "webhook_endpoint")
            .annotate(queued=Count("webhook_deliveries", filter=unfinished))
            .order_by("name")
        )
        for client in clients:
            client.shown_url = shown_url(client.webhook_url)
            client.endpoint = endpoint = getattr(client, "webhook_endpoint", None)
            applies = endpoint is not None and endpoint.url == client.webhook_url
            client.status = endpoint.status if applies else WebhookEndpoint.Status.ACTIVE
            client.status_label = WebhookEndpoint.Status(client.status).label
        return super().get_context_data(clients=clients, **kwargs)


class DeliveryLogView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "syndication/webhooks/log.html"
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        _require(request, VIEW_PERM)
        self.client = get_object_or_404(SyndicationClient, pk=kwargs["client_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Webhook deliveries: %(client)s") % {"client": self.client}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("partner_webhooks:index"), "label": _("Webhooks")},
            {"url": "", "label": str(self.client)},
        ]

    def get_context_data(self, **kwargs):
        status = current_status(self.client)
        deliveries = (
            WebhookDelivery.objects.filter(client=self.client)
            .select_related("entry")
            .prefetch_related(Prefetch("log", WebhookAttempt.objects.order_by("-started_at")))
            .order_by("-sequence")[:LOG_LENGTH]
        )
        return super().get_context_data(
            client=self.client,
            shown_url=shown_url(self.client.webhook_url),
            status=status,
            status_label=WebhookEndpoint.Status(status).label,
            endpoint=WebhookEndpoint.objects.filter(client=self.client).first(),
            deliveries=deliveries,
            can_change=self.request.user.has_perm(CHANGE_PERM),
            retention_days=retention_days(),
            **kwargs,
        )


@require_POST
def redeliver_view(request, pk):
    _require(request, CHANGE_PERM)
    delivery = get_object_or_404(WebhookDelivery, pk=pk)
    redeliver(delivery)
    messages.success(
        request, _("%(id)s is queued again (same webhook-id).") % {"id": delivery.webhook_id}
    )
    return redirect("partner_webhooks:log", client_id=delivery.client_id)


@require_POST
def reenable_view(request, client_id):
    _require(request, CHANGE_PERM)
    client = get_object_or_404(SyndicationClient, pk=client_id)
    reenable(client)
    messages.success(request, _("The endpoint is enabled again; cancelled events are queued."))
    return redirect("partner_webhooks:log", client_id=client.pk)


urlpatterns = [
    path("", EndpointListView.as_view(), name="index"),
    path("<int:client_id>/", DeliveryLogView.as_view(), name="log"),
    path("<int:client_id>/reenable/", reenable_view, name="reenable"),
    path("deliveries/<int:pk>/redeliver/", redeliver_view, name="redeliver"),
]


@hooks.register("register_admin_urls")
def register_webhook_urls():
    return [path("webhooks/", include((urlpatterns, "partner_webhooks")))]


class WebhooksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERM)


@hooks.register("register_settings_menu_item")
def register_webhooks_menu_item():
    return WebhooksMenuItem(
        gettext_lazy("Webhooks"),
        reverse("partner_webhooks:index"),
        name="webhooks",
        icon_name="link-external",
        order=850,
    )
