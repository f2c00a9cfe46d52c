"""Pruning old webhook deliveries: finished rows are kept WEBHOOK_DELIVERY_RETENTION_DAYS.

Every change log entry of a client with a webhook URL gets a delivery row, and
every HTTP try an attempt row (`WebhookAttempt`, deleted with its delivery by
the CASCADE), so without pruning both tables grow forever.

What goes: deliveries that are finished (`delivered`, or `cancelled`: the
endpoint was disabled by a 410 or the URL removed) and on which nothing has
happened for the retention period: created, last attempted and delivered
before the cutoff. A delivery that was stuck for weeks and went through
yesterday stays, with its attempts, for the whole period.

What never goes: `pending` and `in_flight` rows, whatever their age. A failing
endpoint's events wait for it indefinitely (syndication.webhooks.delivery), and the
head-of-line ordering only looks at unfinished rows, so removing finished ones
changes nothing about what is sent, or in which order. Only a statuses
whitelist is deleted, so a status added later is kept until listed here.

Consequences, documented in docs/partners-webhooks.md: an event older than the
period can no longer be redelivered from the admin, and re-enabling a disabled
endpoint queues only the cancelled events of the period (the receiver sees a
jump in `sequence` and reads the pull feed for the rest, as for any gap).

Rows go in batches of `BATCH_SIZE`, each in its own short transaction that
locks only the rows it deletes (`select_for_update(skip_locked)` on
PostgreSQL, so two workers pruning at once share the work), and the conditions
are checked again in the DELETE: a row an editor redelivered meanwhile stays.
The worker's periodic job (`prune_due`, WORKER_PERIODIC_JOBS) stops after
`JOB_SECONDS` and carries on at its next run; `manage.py
prune_webhook_deliveries` runs to the end.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import connections, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from syndication.models import WebhookAttempt, WebhookDelivery

logger = logging.getLogger(__name__)
Status = WebhookDelivery.Status
FINISHED = (Status.DELIVERED, Status.CANCELLED)
BATCH_SIZE = 500  # rows per transaction
JOB_SECONDS = 20  # the periodic job's budget per run; the rest waits for the next run


def retention_days():
    """WEBHOOK_DELIVERY_RETENTION_DAYS; 0 (or less) keeps everything."""
    return int(settings.WEBHOOK_DELIVERY_RETENTION_DAYS)


def prunable(cutoff):
    """Finished deliveries with nothing (creation, attempt, delivery) at or after `cutoff`."""
    recent_attempt = WebhookAttempt.objects.filter(delivery=OuterRef("pk"), started_at__gte=cutoff)
    return WebhookDelivery.objects.filter(
        Q(delivered_at__isnull=True) | Q(delivered_at__lt=cutoff),
        ~Exists(recent_attempt),
        status__in=FINISHED,
        created_at__lt=cutoff,
    )


def prune_deliveries(days=None, *, now=None, dry_run=False, batch_size=None, max_seconds=None):
    """Delete the finished deliveries older than `days` (default: the setting), with their
    attempts, `batch_size` rows per transaction; stop starting batches after `max_seconds`.

    Returns the number of deliveries deleted (with `dry_run`, that would be deleted).
    `days` 0 or less deletes nothing.
    """
    days = retention_days() if days is None else int(days)
    if days <= 0:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    if dry_run:
        return prunable(cutoff).count()
    size = batch_size or BATCH_SIZE
    started = time.monotonic()
    deliveries = attempts = 0
    while True:
        with transaction.atomic():
            batch = prunable(cutoff).order_by("pk")
            if connections[batch.db].features.has_select_for_update_skip_locked:
                batch = batch.select_for_update(skip_locked=True, of=("self",))
            ids = list(batch.values_list("pk", flat=True)[:size])
            if not ids:
                break
            # The conditions again: what changed since the SELECT (where no lock is taken) stays.
            _, counts = prunable(cutoff).filter(pk__in=ids).only("pk").delete()
        deliveries += counts.get(WebhookDelivery._meta.label, 0)
        attempts += counts.get(WebhookAttempt._meta.label, 0)
        if len(ids) < size or (max_seconds and time.monotonic() - started >= max_seconds):
            break
    if deliveries:
        logger.info(
            "pruned %d webhook deliveries (%d attempts) finished more than %d days ago",
            deliveries,
            attempts,
            days,
        )
    return deliveries


def prune_due():
    """The worker's periodic job (WORKER_PERIODIC_JOBS): one bounded pruning pass."""
    return prune_deliveries(max_seconds=JOB_SECONDS)
