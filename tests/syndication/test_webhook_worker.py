"""Webhook deliveries against workers that hang or die: nothing is lost, the id stays the same.

The killed-worker test runs `manage.py run_worker` as a real process and kills
it (SIGKILL) while its request is in the receiver's hands. The worker must see
the test's rows, so the test commits them (`transaction=True`); that works on
PostgreSQL. On SQLite the test database lives in this process's memory, so
there the death is covered in-process by test_webhooks.py (a claimed, never
finished lease).
"""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from syndication.models import WebhookDelivery
from syndication.webhooks.delivery import claim_due, deliver_due
from tests.factories import make_article
from tests.syndication.syndication_helpers import make_client

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def committed_trees(transactional_db):
    """`trees` for a test whose rows are committed: an earlier such test's flush removed
    the root page that Wagtail's migration made, so make one if it is missing."""
    from wagtail.models import Locale, Page

    from tests.factories import make_trees

    if Page.get_first_root_node() is None:
        locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return make_trees()


def subscribe(receiver, name="Partner site"):
    client = make_client(name, locales_=("kk",))
    client.webhook_url = receiver.url
    client.save()
    client.refresh_from_db()
    return client


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db
@override_settings(WEBHOOK_TIMEOUT=1, WEBHOOK_RETRY_SCHEDULE=[0], WEBHOOK_RETRY_JITTER=0)
def test_a_receiver_that_hangs_times_out_and_the_event_is_retried(trees, receiver):
    client = subscribe(receiver)
    make_article(trees[1]["kk"], "One")
    receiver.hold_next()
    deliver_due()
    delivery = WebhookDelivery.objects.get(client=client)
    assert delivery.status == "pending"
    assert "timed out" in delivery.last_error.lower()
    assert 900 <= delivery.log.get().duration_ms < 5000
    receiver.release()
    deliver_due()
    delivery.refresh_from_db()
    assert delivery.status == "delivered"
    assert receiver.ids() == [f"msg_{client.pk}_1"] * 2


def database_url():
    db = connection.settings_dict
    user = quote(db["USER"] or "")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    host = db["HOST"] or "localhost"
    return f"postgres://{user}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_process_loses_nothing(committed_trees, receiver):
    if connection.vendor != "postgresql":
        pytest.skip("a worker process cannot see SQLite's in-memory test database")
    client = subscribe(receiver)
    make_article(committed_trees[1]["kk"], "One")
    receiver.hold_next()  # the worker's request will hang: kill it meanwhile
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
        "DATABASE_URL": database_url(),
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: receiver.requests, 8), "the worker never sent the webhook"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(5)
    delivery = WebhookDelivery.objects.get(client=client)
    assert delivery.status == "in_flight" and delivery.lease_expires_at is not None

    assert deliver_due() == 0  # the lease still holds
    deliver_due(now=delivery.lease_expires_at + timedelta(seconds=1))
    delivery.refresh_from_db()
    assert delivery.status == "delivered"
    assert receiver.ids() == [f"msg_{client.pk}_1"] * 2
    assert len(receiver.verified(client.webhook_secret)) == 2
    assert timezone.now() < delivery.delivered_at + timedelta(minutes=1)


@pytest.mark.django_db(transaction=True)
def test_workers_claiming_at_once_never_share_a_delivery(committed_trees, receiver):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: claims cannot overlap there")
    clients = [subscribe(receiver, f"Client {number}") for number in range(4)]
    make_article(committed_trees[1]["kk"], "One")
    make_article(committed_trees[1]["kk"], "Two")
    barrier = threading.Barrier(4)
    claimed, problems = [], []

    def claimer():
        try:
            barrier.wait(5)
            claimed.extend(delivery.pk for delivery in claim_due(limit=2))
        except Exception as error:  # reported below: an assert in a thread is lost
            problems.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=claimer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert problems == []
    heads = WebhookDelivery.objects.filter(sequence=1, client__in=clients)
    assert sorted(claimed) == sorted(heads.values_list("pk", flat=True))  # each once, heads only
