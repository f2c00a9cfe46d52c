"""What an attempt's outcome means: the delivery's next step and the endpoint's health.

Kept apart from the sending loop (`syndication.webhooks.delivery`) because the admin uses
it too (redeliver, re-enable). Every state change of a leased delivery is a
conditional UPDATE on its lease token: if the lease expired and another worker
claimed the row meanwhile, a late result is logged as an attempt and changes
nothing else.

An endpoint's status is tied to the URL it was observed on: after an editor
changes the URL, the old "failing" or "disabled" no longer applies.
"""

import random
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from syndication.models import SyndicationClient, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from syndication.webhooks.guard import validate_webhook_url

Status = WebhookDelivery.Status
Endpoint = WebhookEndpoint.Status


def retry_delay(failures):
    """(delay before the next try after `failures` failures, whether the schedule is used up)."""
    schedule = list(settings.WEBHOOK_RETRY_SCHEDULE) or [86400]
    exhausted = failures > len(schedule)
    seconds = schedule[-1] if exhausted else schedule[failures - 1]
    jitter = settings.WEBHOOK_RETRY_JITTER
    return timedelta(seconds=seconds * random.uniform(1 - jitter, 1 + jitter)), exhausted


def current_status(client):
    """The endpoint status that applies to the client's present webhook URL."""
    endpoint = WebhookEndpoint.objects.filter(client=client).first()
    if endpoint is None or endpoint.url != client.webhook_url:
        return Endpoint.ACTIVE
    return endpoint.status


def disabled_clients(clients):
    """Ids of the clients whose present URL answered 410."""
    urls = {client.pk: client.webhook_url for client in clients}
    rows = WebhookEndpoint.objects.filter(client_id__in=urls, status=Endpoint.DISABLED)
    return {row.client_id for row in rows if row.url == urls[row.client_id]}


def _cancel(queryset, reason):
    return queryset.update(
        status=Status.CANCELLED, last_error=reason, lease_token="", lease_expires_at=None
    )


def cancel_for_disabled(deliveries, now):
    """Cancel the leased deliveries that must not go out (no URL, endpoint disabled)."""
    disabled = disabled_clients({d.client for d in deliveries})
    remaining = []
    for delivery in deliveries:
        reason = None
        if not delivery.client.webhook_url:
            reason = "The client has no webhook URL any more."
        elif delivery.client_id in disabled:
            reason = "Endpoint disabled."
        if reason is None:
            remaining.append(delivery)
        else:
            _cancel(_leased(delivery), reason)
    return remaining


def _leased(delivery):
    return WebhookDelivery.objects.filter(
        pk=delivery.pk, status=Status.IN_FLIGHT, lease_token=delivery.lease_token
    )


def touch_endpoint(client, now, status=None, reason="", **fields):
    """Record what was seen of the endpoint; `status` None keeps the status (for this URL)."""
    endpoint, _ = WebhookEndpoint.objects.get_or_create(
        client=client, defaults={"url": client.webhook_url, "status_since": now}
    )
    known = endpoint.status if endpoint.url == client.webhook_url else Endpoint.ACTIVE
    new = status or known
    if new != endpoint.status or endpoint.url != client.webhook_url:
        fields.update(status=new, status_since=now, reason=reason if status else "")
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(url=client.webhook_url, **fields)


def record(delivery, result, started_at, now):
    """Log the attempt and move the delivery on; 1 if it is finished (delivered/cancelled)."""
    client = delivery.client
    with transaction.atomic():
        WebhookAttempt.objects.create(
            delivery=delivery,
            started_at=started_at,
            status_code=result.status_code,
            duration_ms=result.duration_ms,
            success=result.success,
            error=result.error[:500],
            response_excerpt=result.response_excerpt[:300],
        )
        mine = _leased(delivery)
        done = {"attempts": F("attempts") + 1, "lease_token": "", "lease_expires_at": None}
        if result.success:
            if mine.update(status=Status.DELIVERED, delivered_at=now, last_error="", **done):
                touch_endpoint(client, now, Endpoint.ACTIVE, last_success_at=now)
            return 1
        if result.status_code == 410:
            if mine.update(status=Status.CANCELLED, last_error="410 Gone", **done):
                disable(client, now, "The receiver answered 410 Gone.")
            return 1
        failures = delivery.failures + 1
        delay, exhausted = retry_delay(failures)
        updated = mine.update(
            status=Status.PENDING,
            failures=failures,
            next_attempt_at=now + delay,
            last_error=result.error[:500],
            **done,
        )
        if updated and exhausted:
            reason = f"No success after {failures} attempts; last: {result.error}"[:300]
            touch_endpoint(client, now, Endpoint.FAILING, reason, last_failure_at=now)
        elif updated:
            touch_endpoint(client, now, last_failure_at=now)
    return 0


def disable(client, now, reason):
    touch_endpoint(client, now, Endpoint.DISABLED, reason, last_failure_at=now)
    unfinished = WebhookDelivery.objects.filter(
        client=client, status__in=WebhookDelivery.UNFINISHED
    )
    _cancel(unfinished, "Endpoint disabled.")


def redeliver(delivery, now=None):
    """Queue a delivery again (same webhook-id, same body), due now, with a fresh schedule."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=Status.PENDING,
        failures=0,
        next_attempt_at=now or timezone.now(),
        lease_token="",
        lease_expires_at=None,
    )


def reenable(client, now=None):
    """Lift a 410's disablement and re-queue what was cancelled meanwhile, in order."""
    now = now or timezone.now()
    with transaction.atomic():
        touch_endpoint(client, now, Endpoint.ACTIVE)
        WebhookDelivery.objects.filter(client=client, status=Status.CANCELLED).update(
            status=Status.PENDING, failures=0, next_attempt_at=now, last_error=""
        )


def check_client_url(sender, instance, **kwargs):
    """pre_save of SyndicationClient: refuse an unsafe new webhook URL (webhook_guard)."""
    if not instance.webhook_url:
        return
    unchanged = SyndicationClient.objects.filter(pk=instance.pk, webhook_url=instance.webhook_url)
    if instance.pk is None or not unchanged.exists():
        validate_webhook_url(instance.webhook_url)
