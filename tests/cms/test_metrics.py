"""/metrics: who may read it, and each metric moving after the action that moves it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from cms.api import metrics, purge_backends
from cms.api.persisted_queries import TrustedDocument
from home.models import City, CityWeather, ExchangeRate
from tests.cms.observability_helpers import sample, scrape
from tests.factories import locales
from tests.syndication.syndication_helpers import make_client
from tests.syndication.test_webhook_retention import make_delivery

pytestmark = pytest.mark.django_db
QUERY = "query Ticker { __typename }"


def post(client, operation="Ticker"):
    return client.post(
        "/graphql/", {"query": QUERY, "operationName": operation}, content_type="application/json"
    )


def test_metrics_are_hidden_from_outside_addresses(client, settings):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5").status_code == 404
    settings.METRICS_TOKEN = "s3cret"
    wrong = {"Authorization": "Bearer nope"}
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5", headers=wrong).status_code == 404
    right = {"Authorization": "Bearer s3cret"}
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.5", headers=right).status_code == 200
    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200


def test_requests_are_counted_by_status_and_bounded_operation(client):
    def count(operation):
        return (
            sample(
                scrape(client),
                "otandas_http_requests_total",
                method="POST",
                status="200",
                operation=operation,
            )
            or 0
        )

    before_other, before_named = count("other"), count("Ticker")
    post(client)
    assert count("other") == before_other + 1  # not registered: "other"
    TrustedDocument.objects.create(id="a" * 64, document=QUERY, operation_name="Ticker")
    metrics.forget_registered_names()
    post(client)
    post(client, operation="Ticker")
    assert count("Ticker") == before_named + 2
    text = scrape(client)
    assert sample(text, "otandas_http_request_duration_seconds_count", operation="Ticker") >= 2


def test_response_cache_hits_and_misses(client, settings):
    settings.GRAPHQL_RESPONSE_CACHE = True

    def count(result):
        return sample(scrape(client), "otandas_response_cache_lookups_total", result=result) or 0

    hits, misses = count("hit"), count("miss")
    assert post(client)["X-Response-Cache"] == "MISS"
    assert post(client)["X-Response-Cache"] == "HIT"
    assert (count("hit"), count("miss")) == (hits + 1, misses + 1)


def test_purges_sent_and_failed_by_backend(client, settings, monkeypatch):
    settings.CACHE_PURGE_BACKENDS = ["varnish:http://127.0.0.1:9"]

    def count(result):
        return (
            sample(scrape(client), "otandas_cache_purges_total", backend="varnish", result=result)
            or 0
        )

    sent, failed = count("sent"), count("failed")
    purge_backends.purge_in_front.call(["page-1"])  # nothing listens on port 9
    assert count("failed") == failed + 1
    monkeypatch.setitem(purge_backends.PURGERS, "varnish", lambda target, keys: None)
    purge_backends.purge_in_front.call(["page-1"])
    assert count("sent") == sent + 1


def test_rate_limit_refusals_by_budget(client, settings):
    settings.API_RATE_LIMIT_ENABLED = True
    settings.API_RATE_LIMIT = "1/minute"
    settings.REDIS_URL = ""
    before = sample(scrape(client), "otandas_rate_limit_refusals_total", budget="requests") or 0
    post(client)
    assert post(client).status_code == 429
    after = sample(scrape(client), "otandas_rate_limit_refusals_total", budget="requests")
    assert after == before + 1


def test_queue_depth_and_the_oldest_ready_task_age(client):
    text = scrape(client)
    assert sample(text, "otandas_task_queue_depth") == 0
    assert sample(text, "otandas_task_queue_oldest_age_seconds") == 0
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="tests.test_infra.add",
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timedelta(minutes=10)
    )
    text = scrape(client)
    assert sample(text, "otandas_task_queue_depth") == 1
    assert 600 <= sample(text, "otandas_task_queue_oldest_age_seconds") < 660


def test_webhook_deliveries_by_state(client):
    assert sample(scrape(client), "otandas_webhook_deliveries", state="pending") == 0
    partner = make_client()
    make_delivery(partner, "pending", 0)
    make_delivery(partner, "delivered", 1, delivered=1)
    text = scrape(client)
    assert sample(text, "otandas_webhook_deliveries", state="pending") == 1
    assert sample(text, "otandas_webhook_deliveries", state="delivered") == 1
    assert sample(text, "otandas_webhook_deliveries", state="cancelled") == 0


def test_importer_freshness(client):
    assert sample(scrape(client), "otandas_importer_data_age_seconds", importer="weather") is None
    city = City.objects.create(name="Astana", locale=locales()["en"])
    CityWeather.objects.create(
        city=city, temperature_c=7, observed_at=timezone.now() - timedelta(hours=2)
    )
    ExchangeRate.objects.create(currency="USD", rate=421.58, date=timezone.localdate())
    text = scrape(client)
    assert 7200 <= sample(text, "otandas_importer_data_age_seconds", importer="weather") < 7300
    assert sample(text, "otandas_importer_data_age_seconds", importer="exchange_rates") < 86400
