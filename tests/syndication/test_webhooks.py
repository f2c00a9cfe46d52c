"""Webhook deliveries, end to end: change log -> delivery rows -> worker loop -> a real receiver.

Every push goes over a real TCP connection to `Receiver` (http.server on
127.0.0.1) and every payload is checked with the `standardwebhooks` library.
"""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from syndication.models import ChangeLogEntry, WebhookDelivery, WebhookEndpoint
from syndication.webhooks.delivery import claim_due, deliver_due
from syndication.webhooks.http import Result
from syndication.webhooks.state import record, reenable
from tests.factories import make_article, publish
from tests.syndication.syndication_helpers import make_client
from tests.syndication.webhook_receiver import Receiver

pytestmark = pytest.mark.django_db
FAST = override_settings(WEBHOOK_RETRY_SCHEDULE=[0, 0, 0], WEBHOOK_RETRY_JITTER=0)


@pytest.fixture
def client(trees, receiver):
    client = make_client(locales_=("kk",))
    client.webhook_url = receiver.url
    client.save()
    client.refresh_from_db()
    return client


@pytest.fixture
def index(trees):
    return trees[1]["kk"]


def run_until_idle(passes=10, **kwargs):
    for _ in range(passes):
        deliver_due(**kwargs)
        if not WebhookDelivery.objects.filter(status__in=WebhookDelivery.UNFINISHED).exists():
            return


def test_a_publish_is_queued_with_its_entry_and_sent_by_the_worker(client, index, receiver):
    article = make_article(index, "Tokyo forum")
    delivery = WebhookDelivery.objects.get(client=client)
    assert (delivery.status, delivery.attempts, receiver.requests) == ("pending", 0, [])

    deliver_due()

    [request] = receiver.requests
    [payload] = receiver.verified(client.webhook_secret)
    entry = ChangeLogEntry.objects.get(client=client)
    assert payload["type"] == "news.published"
    assert payload["timestamp"] == entry.occurred_at.isoformat()
    data = payload["data"]
    assert data["sequence"] == entry.sequence == 1
    assert data["articleId"] == str(article.pk)
    assert (data["locale"], data["translationKey"]) == ("kk", str(article.translation_key))
    assert data["ninjs"]["headlines"][0]["value"] == "Tokyo forum"
    assert data["ninjs"]["pubStatus"] == "usable"
    headers = request["headers"]
    assert headers["webhook-id"] == f"msg_{client.pk}_1"
    assert headers["user-agent"] == "Otandas-Webhooks/1"
    assert headers["content-type"] == "application/json"
    assert request["path"] == "/hook"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("delivered", 1)
    [attempt] = delivery.log.all()
    assert (attempt.status_code, attempt.success, attempt.error) == (200, True, "")
    assert WebhookEndpoint.objects.get(client=client).last_success_at is not None


def test_every_action_becomes_its_event_type_in_sequence_order(client, index, receiver):
    article = make_article(index, "Tokyo forum")
    article.title = "Tokyo forum, day two"
    publish(article)
    article.unpublish()
    publish(article)
    article.delete()
    run_until_idle()
    payloads = receiver.verified(client.webhook_secret)
    assert [p["type"].split(".")[1] for p in payloads] == [
        "published",
        "updated",
        "unpublished",
        "published",
        "deleted",
    ]
    assert [p["data"]["sequence"] for p in payloads] == [1, 2, 3, 4, 5]
    assert payloads[2]["data"]["ninjs"]["pubStatus"] == "canceled"
    assert payloads[4]["data"]["ninjs"]["pubStatus"] == "canceled"


@FAST
def test_a_receiver_failing_twice_gets_every_event_in_order_with_stable_ids(
    client, index, receiver
):
    receiver.answer(500, 500)
    for title in ("One", "Two", "Three"):
        make_article(index, title)
    run_until_idle()
    assert receiver.sequences() == [1, 1, 1, 2, 3]  # nothing overtakes the failing head
    ids = receiver.ids()
    assert ids[:3] == [f"msg_{client.pk}_1"] * 3 and len(set(ids)) == 3
    assert len(receiver.verified(client.webhook_secret)) == 5
    bodies = {r["body"] for r in receiver.requests[:3]}
    assert len(bodies) == 1  # a retry sends the same bytes (re-signed with a fresh timestamp)
    first = WebhookDelivery.objects.get(client=client, sequence=1)
    assert [a.status_code for a in first.log.order_by("pk")] == [500, 500, 200]
    assert first.log.order_by("pk").first().error == "HTTP 500"


@FAST
def test_a_receiver_that_is_down_gets_everything_once_it_is_back(client, index, receiver):
    port = receiver.server.server_address[1]
    receiver.close()
    make_article(index, "One")
    make_article(index, "Two")
    deliver_due()
    head = WebhookDelivery.objects.get(client=client, sequence=1)
    assert head.status == "pending" and "refused" in head.last_error.lower()
    assert client.webhook_secret not in head.last_error

    back = Receiver(port=port)
    try:
        run_until_idle()
        assert back.sequences() == [1, 2]
    finally:
        back.close()


def test_a_410_disables_the_endpoint_until_re_enabled(client, index, receiver):
    receiver.answer(410)
    make_article(index, "One")
    make_article(index, "Two")
    run_until_idle()
    assert len(receiver.requests) == 1
    endpoint = WebhookEndpoint.objects.get(client=client)
    assert endpoint.status == "disabled"
    make_article(index, "Three")  # queued as cancelled: nothing goes out
    run_until_idle()
    assert len(receiver.requests) == 1
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"cancelled"}

    reenable(client)
    run_until_idle()
    assert receiver.sequences() == [1, 1, 2, 3]
    assert WebhookEndpoint.objects.get(client=client).status == "active"


@FAST
def test_a_redirect_is_not_followed_and_counts_as_a_failure(client, index, receiver):
    receiver.answer(302)
    make_article(index, "One")
    deliver_due()
    assert [r["path"] for r in receiver.requests] == ["/hook"]
    delivery = WebhookDelivery.objects.get(client=client)
    assert delivery.status == "pending" and delivery.failures == 1
    assert delivery.last_error == "Redirect (302) not followed."
    deliver_due()
    assert [r["path"] for r in receiver.requests] == ["/hook", "/hook"]
    delivery.refresh_from_db()
    assert delivery.status == "delivered"


def test_a_worker_killed_mid_delivery_loses_nothing(client, index, receiver):
    make_article(index, "One")
    [dead] = claim_due()  # the worker leased it, then died before sending
    assert dead.status == "in_flight"
    assert deliver_due() == 0  # the lease still holds: nobody else sends it
    assert receiver.requests == []

    later = timezone.now() + timedelta(seconds=121)
    deliver_due(now=later)
    assert receiver.ids() == [f"msg_{client.pk}_1"]
    delivery = WebhookDelivery.objects.get(client=client)
    assert delivery.status == "delivered"

    # The dead worker wakes up with its old lease: its result changes nothing.
    record(dead, Result(status_code=500, error="HTTP 500"), timezone.now(), later)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("delivered", 1)


def test_deliveries_commit_and_roll_back_with_their_entries(client, index, receiver):
    with pytest.raises(RuntimeError), transaction.atomic():
        make_article(index, "Rolled back")
        assert WebhookDelivery.objects.filter(client=client).count() == 1
        raise RuntimeError
    assert not ChangeLogEntry.objects.filter(client=client).exists()
    assert not WebhookDelivery.objects.exists()
    deliver_due()
    assert receiver.requests == []


@override_settings(WEBHOOK_RETRY_SCHEDULE=[0], WEBHOOK_RETRY_JITTER=0)
def test_used_up_retries_mark_the_endpoint_failing_and_success_clears_it(client, index, receiver):
    receiver.answer(500, 503)
    make_article(index, "One")
    deliver_due()
    assert WebhookEndpoint.objects.get(client=client).status == "active"
    deliver_due()
    endpoint = WebhookEndpoint.objects.get(client=client)
    assert endpoint.status == "failing" and "HTTP 503" in endpoint.reason
    assert WebhookDelivery.objects.get(client=client).status == "pending"  # still probed
    deliver_due()
    assert WebhookEndpoint.objects.get(client=client).status == "active"
    assert len(receiver.requests) == 3


def test_clients_without_a_webhook_url_get_no_deliveries(trees, receiver):
    make_client(locales_=("kk",))
    make_article(trees[1]["kk"], "One")
    assert ChangeLogEntry.objects.exists() and not WebhookDelivery.objects.exists()


def test_the_worker_command_runs_the_delivery_loop(client, index, receiver):
    make_article(index, "One")
    call_command("run_worker", "--once", verbosity=0)
    assert [json.loads(r["body"])["type"] for r in receiver.requests] == ["news.published"]
