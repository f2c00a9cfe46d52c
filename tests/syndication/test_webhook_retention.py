"""Pruning old webhook deliveries (syndication.webhooks.retention, prune_webhook_deliveries).

Rows are made directly, with backdated timestamps: what matters is each row's
status and the times of its creation, attempts and delivery.
"""

import logging
import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.worker import load_periodic_jobs
from syndication.models import ChangeLogEntry, WebhookAttempt, WebhookDelivery
from syndication.webhooks.retention import prune_deliveries, prune_due
from tests.syndication.syndication_helpers import make_client

pytestmark = pytest.mark.django_db
NOW = timezone.now()


@pytest.fixture
def client():
    return make_client()


def make_delivery(client, status, created, *, attempts=(), delivered=None, **fields):
    """A delivery created `created` days ago, tried `attempts` days ago, delivered `delivered`."""
    sequence = WebhookDelivery.objects.filter(client=client).count() + 1
    entry = ChangeLogEntry.objects.create(
        client=client,
        sequence=sequence,
        action="PUBLISHED",
        occurred_at=NOW - timedelta(days=created),
        page_id=sequence,
        locale="kk",
        translation_key=uuid.uuid4(),
        url=f"https://example.org/{sequence}",
        cause="published",
    )
    delivery = WebhookDelivery.objects.create(
        client=client,
        entry=entry,
        sequence=sequence,
        webhook_id=f"msg_{client.pk}_{sequence}",
        event_type="news.published",
        status=status,
        attempts=len(attempts),
        next_attempt_at=NOW - timedelta(days=created),
        delivered_at=None if delivered is None else NOW - timedelta(days=delivered),
        **fields,
    )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=NOW - timedelta(days=created))
    for days in attempts:
        WebhookAttempt.objects.create(
            delivery=delivery,
            started_at=NOW - timedelta(days=days),
            status_code=200 if status == "delivered" and days == min(attempts) else 500,
            success=status == "delivered" and days == min(attempts),
        )
    return delivery


def remaining():
    return set(WebhookDelivery.objects.values_list("sequence", flat=True))


def test_old_finished_deliveries_go_with_their_attempts_and_recent_ones_stay(client):
    old_delivered = make_delivery(client, "delivered", 40, attempts=[40, 40], delivered=40)
    old_cancelled = make_delivery(client, "cancelled", 45)  # queued while disabled: never tried
    old_gone = make_delivery(client, "cancelled", 40, attempts=[39])  # the 410 itself
    recent = make_delivery(client, "delivered", 5, attempts=[5], delivered=5)
    make_delivery(client, "cancelled", 29)
    # Old events with recent activity: kept for the full period after it.
    stuck = make_delivery(client, "delivered", 40, attempts=[2, 10, 38], delivered=2)
    late_410 = make_delivery(client, "cancelled", 40, attempts=[3, 39])
    just_delivered = make_delivery(client, "delivered", 40, delivered=1)

    assert prune_deliveries(now=NOW) == 3

    kept = {recent.sequence, 5, stuck.sequence, late_410.sequence, just_delivered.sequence}
    assert remaining() == kept
    gone = [old_delivered.pk, old_cancelled.pk, old_gone.pk]
    assert not WebhookAttempt.objects.filter(delivery_id__in=gone).exists()
    assert WebhookAttempt.objects.filter(delivery=stuck).count() == 3
    assert WebhookAttempt.objects.count() == 3 + 2 + 1
    # The change log (the pull feed) is not touched.
    assert ChangeLogEntry.objects.filter(client=client).count() == 8
    assert prune_deliveries(now=NOW) == 0


def test_pending_and_in_flight_deliveries_stay_however_old(client):
    make_delivery(client, "pending", 400, attempts=[400, 399, 300], failures=3)
    make_delivery(client, "pending", 400)  # behind the head, never tried
    make_delivery(
        client,
        "in_flight",
        400,
        attempts=[390],
        lease_token="x" * 32,
        lease_expires_at=NOW - timedelta(days=390),
    )

    assert prune_deliveries(now=NOW) == 0
    assert prune_deliveries(days=1, now=NOW + timedelta(days=1000)) == 0

    assert remaining() == {1, 2, 3}
    assert WebhookAttempt.objects.count() == 4


def test_a_redelivered_old_event_is_pending_again_and_stays(client):
    delivery = make_delivery(client, "delivered", 60, attempts=[60], delivered=60)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status="pending")  # "Redeliver"

    assert prune_deliveries(now=NOW) == 0
    assert remaining() == {delivery.sequence}


def test_deletes_in_batches_of_the_given_size(client):
    for _ in range(5):
        make_delivery(client, "delivered", 40, attempts=[40], delivered=40)
    kept = make_delivery(client, "pending", 40)

    with CaptureQueriesContext(connection) as queries:
        assert prune_deliveries(now=NOW, batch_size=2) == 5

    table = WebhookDelivery._meta.db_table
    deletes = [q["sql"] for q in queries if q["sql"].startswith(f'DELETE FROM "{table}"')]
    assert len(deletes) == 3  # 2 + 2 + 1
    assert remaining() == {kept.sequence}
    assert WebhookAttempt.objects.count() == 0


def test_the_time_budget_stops_between_batches_and_the_next_run_goes_on(client):
    for _ in range(5):
        make_delivery(client, "cancelled", 40)

    assert prune_deliveries(now=NOW, batch_size=2, max_seconds=1e-9) == 2
    assert WebhookDelivery.objects.count() == 3
    assert prune_deliveries(now=NOW, batch_size=2) == 3
    assert WebhookDelivery.objects.count() == 0


def test_the_retention_setting_is_respected(client):
    make_delivery(client, "delivered", 10, attempts=[10], delivered=10)
    make_delivery(client, "delivered", 3, attempts=[3], delivered=3)
    assert settings.WEBHOOK_DELIVERY_RETENTION_DAYS == 30

    assert prune_deliveries(now=NOW) == 0
    with override_settings(WEBHOOK_DELIVERY_RETENTION_DAYS=0):  # 0 keeps everything
        assert prune_deliveries(now=NOW + timedelta(days=1000)) == 0
    with override_settings(WEBHOOK_DELIVERY_RETENTION_DAYS=7):
        assert prune_deliveries(now=NOW) == 1
    assert remaining() == {2}


def test_the_worker_runs_the_pruning_every_hour_and_logs_what_it_deleted(client, caplog):
    make_delivery(client, "delivered", 40, attempts=[40], delivered=40)
    make_delivery(client, "pending", 40)
    declared = dict(settings.WORKER_PERIODIC_JOBS)
    assert declared["syndication.webhooks.retention.prune_due"] == 3600
    [job] = [j for j in load_periodic_jobs() if j.path.endswith("prune_due")]
    assert job.func is prune_due

    with caplog.at_level(logging.INFO, logger="syndication.webhooks.retention"):
        assert job.run(0) is True
        job.run(0)  # nothing left: nothing logged

    assert remaining() == {2}
    [record] = [r for r in caplog.records if r.name == "syndication.webhooks.retention"]
    assert record.levelno == logging.INFO
    assert record.getMessage() == (
        "pruned 1 webhook deliveries (1 attempts) finished more than 30 days ago"
    )


def command(*args):
    out = StringIO()
    call_command("prune_webhook_deliveries", *args, stdout=out)
    return out.getvalue()


def test_the_command_dry_run_counts_and_deletes_nothing(client):
    make_delivery(client, "delivered", 40, attempts=[40], delivered=40)
    make_delivery(client, "cancelled", 40)
    make_delivery(client, "pending", 40)
    make_delivery(client, "delivered", 10, attempts=[10], delivered=10)

    assert "Would delete 2 webhook deliveries" in command("--dry-run")
    assert "Would delete 3 webhook deliveries" in command("--dry-run", "--days", "7")
    assert WebhookDelivery.objects.count() == 4
    assert WebhookAttempt.objects.count() == 2

    assert "Deleted 3 webhook deliveries" in command("--days", "7")
    assert remaining() == {3}
    assert "Deleted 0 webhook deliveries" in command()


def test_the_command_follows_the_setting_and_refuses_a_zero_period(client):
    make_delivery(client, "delivered", 10, attempts=[10], delivered=10)
    with override_settings(WEBHOOK_DELIVERY_RETENTION_DAYS=0):
        assert "deliveries are kept" in command()
    assert WebhookDelivery.objects.count() == 1
    with pytest.raises(CommandError):
        command("--days", "0")
    with override_settings(WEBHOOK_DELIVERY_RETENTION_DAYS=7):
        assert "Deleted 1 webhook deliveries (delivered or cancelled) older than 7 days" in (
            command()
        )
    assert WebhookDelivery.objects.count() == 0


def test_the_delivery_log_says_when_old_events_are_removed(admin_client, client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin speaks Kazakh by default

    def log_page():
        page = admin_client.get(f"/admin/webhooks/{client.pk}/")
        assert page.status_code == 200
        return page.content.decode()

    assert "removed from this log after 30 days without activity" in log_page()
    with override_settings(WEBHOOK_DELIVERY_RETENTION_DAYS=1):
        assert "removed from this log after 1 day without activity" in log_page()
    with override_settings(WEBHOOK_DELIVERY_RETENTION_DAYS=0):
        assert "data-webhook-retention" not in log_page()
