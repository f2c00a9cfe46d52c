"""Webhook deliveries: the push side of the syndication change log, as rows of their own.

django-tasks-db neither retries nor recovers a task whose worker died, so each
delivery keeps its own state (status, attempts, next attempt time, a lease) and
the worker's loop (`syndication.webhooks.delivery.deliver_due`) picks up what is due. A row
is written in the transaction of its change log entry, so a rolled-back publish
leaves no delivery behind, and a committed one always has one.

The endpoint's health lives in `WebhookEndpoint`, not on `SyndicationClient`,
so the client model (and its admin form) is untouched by push concerns.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WebhookEndpoint(models.Model):
    """How a client's webhook URL has been answering: active, failing or disabled."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        FAILING = "failing", _("failing")  # retries exhausted: probed at the slowest interval
        DISABLED = "disabled", _("disabled")  # answered 410 Gone: nothing is sent any more

    client = models.OneToOneField(
        "syndication.SyndicationClient", on_delete=models.CASCADE, related_name="webhook_endpoint"
    )
    url = models.URLField(_("URL the status applies to"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    status_since = models.DateTimeField(_("since"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_failure_at = models.DateTimeField(_("last failure"), null=True, blank=True)

    class Meta:
        db_table = "partners_webhookendpoint"  # created by the partners app
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return f"{self.client_id}: {self.status}"


class WebhookDelivery(models.Model):
    """One change log entry to push to one client, until it is acknowledged with a 2xx."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        IN_FLIGHT = "in_flight", _("in flight")
        DELIVERED = "delivered", _("delivered")
        CANCELLED = "cancelled", _("cancelled")  # endpoint disabled or removed

    UNFINISHED = (Status.PENDING, Status.IN_FLIGHT)

    client = models.ForeignKey(
        "syndication.SyndicationClient", on_delete=models.CASCADE, related_name="webhook_deliveries"
    )
    entry = models.OneToOneField(
        "syndication.ChangeLogEntry", on_delete=models.CASCADE, related_name="webhook_delivery"
    )
    sequence = models.PositiveBigIntegerField(_("sequence"))  # the entry's, for ordering
    webhook_id = models.CharField(_("webhook id"), max_length=64, unique=True)
    event_type = models.CharField(_("event"), max_length=32)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    failures = models.PositiveIntegerField(
        default=0, help_text=_("Failed attempts since last queued: the retry schedule's step.")
    )
    next_attempt_at = models.DateTimeField(_("next attempt"))
    lease_token = models.CharField(max_length=32, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    body = models.TextField(blank=True, help_text=_("Built on the first attempt, then reused."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        db_table = "partners_webhookdelivery"  # created by the partners app
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["client", "sequence"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhook_due_idx"),
            models.Index(fields=["client", "status", "sequence"], name="webhook_client_idx"),
        ]

    def __str__(self):
        return self.webhook_id


class WebhookAttempt(models.Model):
    """One HTTP attempt of a delivery: what the admin's delivery log shows."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="log")
    started_at = models.DateTimeField(_("time"))
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    success = models.BooleanField(_("success"), default=False)
    error = models.CharField(_("error"), max_length=500, blank=True)
    response_excerpt = models.CharField(_("response"), max_length=300, blank=True)

    class Meta:
        db_table = "partners_webhookattempt"  # created by the partners app
        verbose_name = _("webhook attempt")
        verbose_name_plural = _("webhook attempts")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.delivery_id} {self.status_code or self.error}"
