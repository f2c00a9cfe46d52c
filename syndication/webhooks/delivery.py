"""Webhook deliveries: queued with the change log, claimed with a lease, sent by the worker.

Queueing: `queue_deliveries` listens to `syndication.changelog.entries_recorded`,
which fires inside the transaction that writes the entries, so a delivery
exists exactly when its entry does. Nothing is sent in the editor's request.

Claiming: the worker's periodic job `deliver_due` (WORKER_PERIODIC_JOBS) claims
due rows (`pending` whose time has come, or `in_flight` whose lease expired: a
worker died mid-send) in a short transaction: `select_for_update(skip_locked)`
on PostgreSQL, SQLite's write lock elsewhere. It stamps each with a fresh lease
token, sends outside any transaction, then records the result only if its token
still holds (a worker that lost its lease cannot overwrite a newer claim).

Ordering: per client, only the lowest-sequence unfinished delivery is ever due
(head of line), so a client's events are sent one after another in sequence
order and a receiver that is down gets them all, in order, once it is back.
Redeliveries from the admin and lease expiries can repeat an event, so
receivers deduplicate by `webhook-id` (`msg_<client id>_<sequence>`, the same on
every try) or by `data.sequence`.

Retries follow WEBHOOK_RETRY_SCHEDULE (seconds, ± WEBHOOK_RETRY_JITTER). When
it is used up (about three days) the endpoint is marked failing and the head
is probed at the schedule's last interval, so even then nothing is dropped. A
410 disables the endpoint: its deliveries are cancelled until an editor
re-enables it (which re-queues them) or changes the URL.
"""

import json
import logging
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import pre_save
from django.utils import timezone

from syndication.feed import attach_articles, entry_json
from syndication.models import ChangeLogEntry, SyndicationClient, WebhookDelivery
from syndication.webhooks.http import Result, post, signed_headers
from syndication.webhooks.state import (
    cancel_for_disabled,
    check_client_url,
    disabled_clients,
    record,
)

logger = logging.getLogger(__name__)
Status = WebhookDelivery.Status
EVENT_TYPES = {
    "PUBLISHED": "news.published",
    "UPDATED": "news.updated",
    "UNPUBLISHED": "news.unpublished",
    "DELETED": "news.deleted",
}


def webhook_id(client_id, sequence):
    return f"msg_{client_id}_{sequence}"


# --- queueing (in the change log's transaction) -------------------------------


def queue_deliveries(sender=None, entries=(), **kwargs):
    """A delivery for each new entry whose client has a webhook URL (`entries_recorded`)."""
    entries = [entry for entry in entries if entry.client.webhook_url]
    if not entries:
        return []
    if any(entry.pk is None for entry in entries):  # a backend that returns no ids
        found = ChangeLogEntry.objects.filter(
            client_id__in={e.client_id for e in entries}, sequence__in={e.sequence for e in entries}
        )
        ids = {(row.client_id, row.sequence): row.pk for row in found}
        for entry in entries:
            entry.pk = entry.id = ids[entry.client_id, entry.sequence]
    disabled = disabled_clients({entry.client for entry in entries})
    now = timezone.now()
    return WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            client_id=entry.client_id,
            entry_id=entry.pk,
            sequence=entry.sequence,
            webhook_id=webhook_id(entry.client_id, entry.sequence),
            event_type=EVENT_TYPES[entry.action],
            status=Status.CANCELLED if entry.client_id in disabled else Status.PENDING,
            last_error="Endpoint disabled." if entry.client_id in disabled else "",
            next_attempt_at=now,
        )
        for entry in entries
    )


# --- claiming ------------------------------------------------------------------


def due_deliveries(now):
    """Each client's first unfinished delivery, if it is due (or its lease has expired)."""
    unfinished = WebhookDelivery.objects.filter(status__in=WebhookDelivery.UNFINISHED)
    earlier = unfinished.filter(client_id=OuterRef("client_id"), sequence__lt=OuterRef("sequence"))
    return unfinished.filter(~Exists(earlier)).filter(
        Q(status=Status.PENDING, next_attempt_at__lte=now)
        | Q(status=Status.IN_FLIGHT, lease_expires_at__lte=now)
    )


def claim_due(now=None, limit=None):
    """Lease up to `limit` due deliveries to this worker; they are `in_flight` on return."""
    now = now or timezone.now()
    lease = timedelta(seconds=settings.WEBHOOK_LEASE_SECONDS)
    if not due_deliveries(now).exists():
        return []  # a plain read first: on SQLite an atomic block takes the write lock
    with transaction.atomic():
        due = due_deliveries(now).order_by("next_attempt_at", "pk")
        if connections[due.db].features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True, of=("self",))
        claimed = list(due[: limit or settings.WEBHOOK_BATCH_SIZE])
        for delivery in claimed:
            delivery.status = Status.IN_FLIGHT
            delivery.lease_token = secrets.token_hex(16)
            delivery.lease_expires_at = now + lease
        WebhookDelivery.objects.bulk_update(claimed, ["status", "lease_token", "lease_expires_at"])
    return claimed


# --- the payload ---------------------------------------------------------------


def build_body(entry, version=None):
    """The JSON body: the event type, when it happened, and the entry as the REST feed has it.

    `ninjs` is the article as it is when first sent (null if the client no longer has it:
    a later event withdraws it); for withdrawals the minimal `canceled` document.
    """
    payload = {
        "type": EVENT_TYPES[entry.action],
        "timestamp": entry.occurred_at.isoformat(),
        "data": entry_json(entry, version or settings.WEBHOOK_NINJS_VERSION),
    }
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


def _ensure_bodies(deliveries):
    """Build missing bodies once (then stored: every retry sends the same bytes)."""
    for delivery in deliveries:
        if delivery.body:
            continue
        try:
            attach_articles(delivery.client, [delivery.entry])
            delivery.body = build_body(delivery.entry)
        except Exception:
            logger.exception("webhook %s: building the payload failed", delivery.webhook_id)
            continue
        WebhookDelivery.objects.filter(pk=delivery.pk, lease_token=delivery.lease_token).update(
            body=delivery.body
        )


# --- sending -------------------------------------------------------------------


def _send(delivery):
    client = delivery.client
    started_at = timezone.now()
    if not delivery.body:
        return started_at, Result(error="Could not build the payload (see the worker log).")
    if not client.webhook_secret:
        return started_at, Result(error="The client has no webhook secret.")
    headers = signed_headers(client.webhook_secret, delivery.webhook_id, delivery.body, started_at)
    return started_at, post(client.webhook_url, delivery.body, headers)


def send_claimed(claimed, now=None):
    """Send leased deliveries (in parallel, one per client at most) and record the outcomes.

    Returns how many were finished (delivered or cancelled).
    """
    tokens = {delivery.pk: delivery.lease_token for delivery in claimed}
    leased = WebhookDelivery.objects.filter(pk__in=tokens).select_related("client", "entry")
    deliveries = [d for d in leased.order_by("pk") if d.lease_token == tokens[d.pk]]
    deliveries = cancel_for_disabled(deliveries, now or timezone.now())
    _ensure_bodies(deliveries)
    if not deliveries:
        return len(claimed)
    workers = min(settings.WEBHOOK_CONCURRENCY, len(deliveries))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="webhook") as pool:
        outcomes = list(pool.map(_send, deliveries))
    finished = len(claimed) - len(deliveries)
    for delivery, (started_at, result) in zip(deliveries, outcomes, strict=True):
        if not result.success:
            logger.info("webhook %s failed: %s", delivery.webhook_id, result.error)
        finished += record(delivery, result, started_at, now or timezone.now())
    return finished


def deliver_due(now=None):
    """The worker's periodic job: send what is due until nothing is, or the pass's budget ends.

    Round after round while rounds make progress (a delivered head makes the next
    one due at once); a round with only failures ends the pass, so a zero-second
    retry schedule cannot spin. Returns the number of deliveries claimed.
    """
    started = time.monotonic()
    budget = settings.WEBHOOK_PASS_SECONDS
    most = settings.WEBHOOK_MAX_PER_PASS
    claimed_total = 0
    while claimed_total < most and time.monotonic() - started < budget:
        claimed = claim_due(now)
        if not claimed:
            break
        claimed_total += len(claimed)
        if not send_claimed(claimed, now):
            break
    return claimed_total


def connect():
    """Called from `PartnersConfig.ready`."""
    from syndication.changelog import entries_recorded

    entries_recorded.connect(queue_deliveries, dispatch_uid="webhook_deliveries")
    pre_save.connect(check_client_url, sender=SyndicationClient, dispatch_uid="webhook_url_guard")
