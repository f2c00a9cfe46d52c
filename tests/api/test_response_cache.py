"""The response cache: answers any reader would get, kept and purged by surrogate key."""

import datetime
import hashlib
import json

import pytest
from django.utils import timezone

from cms.api import response_cache
from cms.api.views import GraphQLView
from home.models import CityWeather
from tests.api.test_preview import draft_token
from tests.factories import make_article, make_category
from tests.syndication.syndication_helpers import bearer, make_client, make_key

pytestmark = pytest.mark.django_db

LIST = '{ newsArticles(locale: "kk") { items { id title categories { name } } } }'


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.GRAPHQL_RESPONSE_CACHE = True
    settings.GRAPHQL_CACHE_SHARED_MAX_AGE = 300


@pytest.fixture
def world(trees):
    _homes, indexes = trees
    category = make_category("Мәдениет", "madeniet", code="kk")
    article = make_article(indexes["kk"], "Japan", slug="japan", categories=[category])
    return {"index": indexes["kk"], "article": article, "category": category}


def get(client, query=LIST, variables=None, **headers):
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/", params, headers=headers)


def titles(response):
    return [item["title"] for item in response.json()["data"]["newsArticles"]["items"]]


def test_a_list_is_kept_with_its_keys_and_served_without_a_query(
    client, world, django_assert_num_queries
):
    first = get(client)
    assert first["X-Response-Cache"] == "MISS"
    keys = set(first["xkey"].split())
    article, category = world["article"], world["category"]
    assert {
        f"page:{article.pk}",
        "list:news.newsarticlepage",
        f"news.newscategory:{category.pk}",
    } <= keys
    assert first["Surrogate-Key"] == first["xkey"]
    assert set(first["Cache-Tag"].split(",")) == keys
    assert "s-maxage=300" in first["Cache-Control"]

    with django_assert_num_queries(0):
        second = get(client)
    assert second["X-Response-Cache"] == "HIT"
    assert second.content == first.content
    assert second["xkey"] == first["xkey"]


def test_publishing_purges_the_lists(client, world, django_capture_on_commit_callbacks):
    assert titles(get(client)) == ["Japan"]
    with django_capture_on_commit_callbacks(execute=True):
        make_article(world["index"], "Korea", slug="korea")
    fresh = get(client)
    assert fresh["X-Response-Cache"] == "MISS"
    assert titles(fresh) == ["Korea", "Japan"]


def test_unpublishing_purges_what_showed_it(client, world, django_capture_on_commit_callbacks):
    single = '{ newsArticle(locale: "kk", slug: "japan") { title } }'
    assert get(client, single).json()["data"]["newsArticle"]["title"] == "Japan"
    assert get(client, single)["X-Response-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        world["article"].unpublish()
    assert titles(get(client)) == []
    gone = get(client, single)
    assert gone.json()["data"]["newsArticle"] is None
    assert "X-Response-Cache" not in gone  # not found: never kept


def test_a_snippet_edit_purges_the_answers_showing_it(
    client, world, django_capture_on_commit_callbacks
):
    get(client)
    assert get(client)["X-Response-Cache"] == "HIT"
    category = world["category"]
    with django_capture_on_commit_callbacks(execute=True):
        category.name = "Өнер"
        category.save()
    fresh = get(client)
    assert fresh["X-Response-Cache"] == "MISS"
    assert fresh.json()["data"]["newsArticles"]["items"][0]["categories"] == [{"name": "Өнер"}]


def test_header_data_purges_the_ticker(client, world, django_capture_on_commit_callbacks):
    from home.models import City

    query = '{ ticker(locale: "kk") { weather { city temperatureC } } }'
    get(client, query)
    assert get(client, query)["X-Response-Cache"] == "HIT"
    city = City.objects.create(name="Астана", locale=world["index"].locale)
    with django_capture_on_commit_callbacks(execute=True):
        CityWeather.objects.create(city=city, temperature_c=-12, observed_at=timezone.now())
    assert get(client, query)["X-Response-Cache"] == "MISS"


def test_what_is_never_kept(client, world):
    token = draft_token(world["article"], title="Japan (draft)")
    preview = 'query($t: String) { newsArticle(locale: "kk", slug: "japan", token: $t) { title } }'

    partner = make_client("Foundation")
    key = make_key(partner)
    cases = [
        get(client, preview, {"t": token}),  # a draft
        get(client, **bearer(key)),  # a partner's answer
        get(client, '{ newsArticles(locale: "xx") { items { title } } }'),  # an error
        client.post("/graphql/", {"query": LIST}, content_type="application/json"),  # shared
    ]
    for response in cases[:3]:
        assert "X-Response-Cache" not in response
        assert "xkey" not in response
    # A POST is kept on the server (the next GET of it is a hit), never by HTTP caches.
    assert "no-store" in cases[3]["Cache-Control"]
    assert get(client)["X-Response-Cache"] == "HIT"


def test_an_answer_never_outlives_the_next_scheduled_change(client, world):
    soon = timezone.now() + datetime.timedelta(seconds=40)
    article = world["article"]
    article.title = "Japan (at noon)"
    revision = article.save_revision(approved_go_live_at=soon)
    assert revision.approved_go_live_at == soon
    response = get(client)
    age = {
        part.split("=")[0].strip(): int(part.split("=")[1])
        for part in response["Cache-Control"].split(",")
        if "=" in part
    }
    assert 30 <= age["s-maxage"] <= 40


def test_an_answer_made_across_a_purge_is_not_kept(world):
    started = response_cache.now_ns()
    response_cache.purge({"page:1"})
    entry = response_cache.Entry("{}", ("page:1",), 0)
    assert not response_cache.store("rc:entry:test", entry, started, 60)
    later = response_cache.now_ns() + response_cache.PURGE_MARGIN_NS
    assert response_cache.store("rc:entry:test", entry, later, 60)


def test_feeds_are_kept_and_purged_the_same_way(client, world, django_capture_on_commit_callbacks):
    first = client.get("/feeds/kk/news.json")
    assert first["X-Response-Cache"] == "MISS"
    assert f"page:{world['article'].pk}" in first["xkey"].split()
    second = client.get("/feeds/kk/news.json")
    assert second["X-Response-Cache"] == "HIT" and second.content == first.content
    assert second["Content-Type"].startswith("application/feed+json")
    assert second["Last-Modified"] == first["Last-Modified"]
    with django_capture_on_commit_callbacks(execute=True):
        make_article(world["index"], "Korea", slug="korea")
    fresh = client.get("/feeds/kk/news.json")
    assert fresh["X-Response-Cache"] == "MISS"
    assert [item["title"] for item in fresh.json()["items"]] == ["Korea", "Japan"]


# --- persisted GETs answered before the view (cms/api/cache_hits.py) --------------------

PERSISTED = 'query Latest { newsArticles(locale: "kk") { items { id title } } }'


def persisted_get(client, *, with_query=False, variables=None, **environ):
    """Apollo's hashed GET; `with_query` sends the document too (what stores its hash)."""
    digest = hashlib.sha256(PERSISTED.encode()).hexdigest()
    params = {"extensions": json.dumps({"persistedQuery": {"version": 1, "sha256Hash": digest}})}
    if with_query:
        params["query"] = PERSISTED
    if variables is not None:
        params["variables"] = variables
    return client.get("/graphql/", params, **environ)


def test_a_persisted_get_in_the_cache_is_answered_before_the_view(
    client, world, django_assert_num_queries, monkeypatch
):
    from_view = persisted_get(client, with_query=True, HTTP_ACCEPT_LANGUAGE="kk")
    assert from_view["X-Response-Cache"] == "MISS"

    monkeypatch.setattr(GraphQLView, "dispatch", view_must_not_answer)
    with django_assert_num_queries(0):
        hit = persisted_get(client, HTTP_ACCEPT_LANGUAGE="kk", HTTP_X_REQUEST_ID="req-42")
    assert hit.status_code == 200
    assert hit.json() == from_view.json()
    assert hit["X-Response-Cache"] == "HIT"
    assert hit["Content-Type"] == "application/json"
    for header in ("ETag", "xkey", "Surrogate-Key", "Cache-Tag"):
        assert hit[header] == from_view[header], header
    assert "public" in hit["Cache-Control"] and "s-maxage=" in hit["Cache-Control"]
    assert hit["Content-Language"] == "kk"
    assert "Accept-Language" in hit["Vary"]
    assert hit["X-Request-ID"] == "req-42"

    # A client holding that answer is told it is current.
    with django_assert_num_queries(0):
        again = persisted_get(client, HTTP_ACCEPT_LANGUAGE="kk", HTTP_IF_NONE_MATCH=hit["ETag"])
    assert again.status_code == 304


def view_must_not_answer(*args, **kwargs):
    raise AssertionError("the GraphQL view answered a cached persisted GET")


def test_what_is_not_answered_before_the_view(client, world):
    persisted_get(client, with_query=True, HTTP_ACCEPT_LANGUAGE="kk")
    assert persisted_get(client, HTTP_ACCEPT_LANGUAGE="kk")["X-Response-Cache"] == "HIT"
    # Another language is another answer.
    assert persisted_get(client, HTTP_ACCEPT_LANGUAGE="ru")["X-Response-Cache"] == "MISS"
    # Bad variables: the view says what is wrong.
    bad = persisted_get(client, variables="{not json", HTTP_ACCEPT_LANGUAGE="kk")
    assert bad.status_code == 400
    # A partner's key is never answered from the cache.
    key = make_key(make_client("Partner"))
    keyed = persisted_get(client, HTTP_ACCEPT_LANGUAGE="kk", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert "X-Response-Cache" not in keyed


def test_turning_on_trusted_documents_only_stops_serving_other_documents(client, world, settings):
    assert persisted_get(client, with_query=True)["X-Response-Cache"] == "MISS"
    assert persisted_get(client)["X-Response-Cache"] == "HIT"
    settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY = True
    refused = persisted_get(client)
    assert "X-Response-Cache" not in refused
    assert refused.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_IN_LIST"


def test_a_hit_counts_against_the_rate_limit(client, world, settings):
    settings.API_RATE_LIMIT_ENABLED = True  # before the client's first request loads it
    settings.API_RATE_LIMIT = "2/minute"
    settings.CMS_TRUSTED_PROXIES = []
    settings.REDIS_URL = ""
    persisted_get(client, with_query=True, REMOTE_ADDR="198.51.100.7")
    answers = [persisted_get(client, REMOTE_ADDR="203.0.113.9") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[0]["X-Response-Cache"] == "HIT"
    assert answers[0]["RateLimit-Remaining"] == "1"
