"""The response cache: answers any reader would get, kept and purged by surrogate key."""

import datetime
import json

import pytest
from django.utils import timezone

from cms.api import response_cache
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
