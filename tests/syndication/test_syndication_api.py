"""The partner API: keys, the change feed in GraphQL and JSON, ninjs of one article."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from syndication.keys import revoke
from syndication.models import ApiKey
from tests.factories import make_article, make_category, publish
from tests.syndication.syndication_helpers import bearer, make_client, make_key

pytestmark = pytest.mark.django_db

CHANGES = """
query Changes($after: String, $first: Int) {
  syndicationChanges(after: $after, first: $first) {
    edges {
      cursor
      node {
        sequence action occurredAt articleId locale translationKey url
        article { id title url locale }
        ninjs
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""
CATEGORIES = '{ newsCategories(locale: "kk") { slug } }'


@pytest.fixture
def world(trees):
    """Two clients with different scopes, and articles in and out of them."""
    _homes, indexes = trees
    culture = make_category("Мәдениет", "madeniet", "kk")
    culture_ru = make_category("Культура", "kultura", "ru", culture.translation_key)
    sport = make_category("Спорт", "sport", "kk")
    articles = {
        "kk culture": make_article(indexes["kk"], "Kk culture", categories=[culture]),
        "kk sport": make_article(indexes["kk"], "Kk sport", categories=[sport]),
        "ru culture": make_article(indexes["ru"], "Ru culture", categories=[culture_ru]),
        "en culture": make_article(indexes["en"], "En culture", categories=[culture]),
        "kk closed": make_article(
            indexes["kk"], "Kk closed", categories=[culture], allow_syndication=False
        ),
    }
    client = make_client("culture", locales_=("kk", "ru"), categories=[culture])
    other = make_client("everything", locales_=("kk", "ru", "en"))
    return {"articles": articles, "client": client, "key": make_key(client), "other": other}


def feed(graphql, key, **variables):
    status, body = graphql(CHANGES, variables, headers=bearer(key))
    assert status == 200 and "errors" not in body, body
    return body["data"]["syndicationChanges"]


def test_a_partner_sees_exactly_its_scope(graphql, world):
    edges = feed(graphql, world["key"])["edges"]
    seen = {int(edge["node"]["articleId"]) for edge in edges}
    expected = {world["articles"][name].pk for name in ("kk culture", "ru culture")}
    assert seen == expected
    node = edges[0]["node"]
    article = world["articles"]["kk culture"]
    assert node["action"] == "PUBLISHED" and node["sequence"] == 1
    assert node["article"]["title"] == "Kk culture" and node["locale"] == "kk"
    assert node["translationKey"] == str(article.translation_key)
    assert node["ninjs"]["pubStatus"] == "usable"
    assert node["ninjs"]["headlines"][0]["value"] == "Kk culture"


def test_withdrawals_have_no_article_and_a_canceled_document(graphql, world):
    article = world["articles"]["kk culture"]
    article.unpublish()
    edges = feed(graphql, world["key"])["edges"]
    assert [edge["node"]["action"] for edge in edges] == ["PUBLISHED", "PUBLISHED", "UNPUBLISHED"]
    first, _second, withdrawal = (edge["node"] for edge in edges)
    assert withdrawal["article"] is None and withdrawal["ninjs"]["pubStatus"] == "canceled"
    # the entry that published it shows the article as it is now: no longer available
    assert first["article"] is None and first["ninjs"] is None


def test_the_feed_is_read_by_cursor(graphql, world):
    page = feed(graphql, world["key"], first=1)
    assert len(page["edges"]) == 1 and page["pageInfo"]["hasNextPage"] is True
    rest = feed(graphql, world["key"], after=page["pageInfo"]["endCursor"])
    assert [edge["node"]["sequence"] for edge in rest["edges"]] == [2]
    assert rest["pageInfo"] == {"hasNextPage": False, "endCursor": rest["edges"][0]["cursor"]}
    publish(world["articles"]["ru culture"])
    newer = feed(graphql, world["key"], after=rest["pageInfo"]["endCursor"])
    assert [edge["node"]["action"] for edge in newer["edges"]] == ["UPDATED"]
    empty = feed(graphql, world["key"], after=newer["pageInfo"]["endCursor"])
    assert empty["edges"] == [] and empty["pageInfo"]["endCursor"] == newer["pageInfo"]["endCursor"]


def test_bad_feed_arguments_are_user_errors(graphql, world):
    for variables in ({"after": "bm9wZQ"}, {"after": "%%%"}, {"first": 0}):
        status, body = graphql(CHANGES, variables, headers=bearer(world["key"]))
        assert status == 200 and body["data"]["syndicationChanges"] is None
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_without_a_key_the_feed_is_refused(graphql, world):
    status, body = graphql(CHANGES)
    assert status == 200 and body["data"]["syndicationChanges"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize("header", ["Bearer otk_not-a-real-key-at-all-000000", "Basic abc", ""])
def test_an_invalid_key_is_refused_even_for_public_queries(graphql, world, header):
    for query in (CHANGES, CATEGORIES):
        status, body = graphql(query, headers={"Authorization": header})
        assert status == 401 and "data" not in body
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_revoked_key_is_refused(graphql, world):
    revoke(ApiKey.objects.get(client=world["client"]))
    status, body = graphql(CHANGES, headers=bearer(world["key"]))
    assert status == 401 and body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_valid_key_changes_nothing_for_public_queries(client, graphql, world):
    anonymous = graphql(CATEGORIES)
    assert graphql(CATEGORIES, headers=bearer(world["key"])) == anonymous
    response = client.post(
        "/graphql/",
        {"query": CATEGORIES},
        content_type="application/json",
        headers=bearer(world["key"]),
    )
    assert "no-store" in response["Cache-Control"] and "Authorization" in response["Vary"]


def test_last_use_is_recorded(graphql, world):
    assert world["client"].last_used_at is None
    feed(graphql, world["key"])
    world["client"].refresh_from_db()
    api_key = ApiKey.objects.get(client=world["client"])
    assert world["client"].last_used_at is not None
    assert api_key.last_used_at == world["client"].last_used_at


# --- REST -----------------------------------------------------------------------------


def test_ninjs_of_an_article_in_scope(client, world):
    headers = bearer(world["key"])
    response = client.get("/syndication/ninjs/kk/kk-culture.json", headers=headers)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/")
    document = response.json()
    assert document["headlines"][0]["value"] == "Kk culture"
    old = client.get("/syndication/ninjs/kk/kk-culture.json?version=1.6", headers=headers)
    assert old.status_code == 200 and old.json()["headline"] == "Kk culture"
    bad = client.get("/syndication/ninjs/kk/kk-culture.json?version=9", headers=headers)
    assert bad.status_code == 400 and bad.json()["errors"][0]["extensions"]["code"]


@pytest.mark.parametrize(
    "path", ["kk/kk-sport", "en/en-culture", "kk/kk-closed", "kk/nowhere", "xx/kk-culture"]
)
def test_ninjs_outside_the_scope_is_not_found(client, world, path):
    response = client.get(f"/syndication/ninjs/{path}.json", headers=bearer(world["key"]))
    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_rest_endpoints_need_a_valid_key(client, world):
    for path in ("/syndication/ninjs/kk/kk-culture.json", "/syndication/changes.json"):
        assert client.get(path).status_code == 401
        wrong = client.get(path, headers=bearer("otk_wrong-wrong-wrong-wrong-wrong"))
        assert wrong.status_code == 401
        assert wrong.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert wrong["WWW-Authenticate"].startswith("Bearer")


def test_the_json_feed_mirrors_the_graphql_feed(client, graphql, world):
    headers = bearer(world["key"])
    first = client.get("/syndication/changes.json?first=1", headers=headers).json()
    assert first["hasNextPage"] is True and len(first["changes"]) == 1
    rest = client.get(f"/syndication/changes.json?after={first['endCursor']}", headers=headers)
    body = rest.json()
    graph = feed(graphql, world["key"], after=first["endCursor"])
    assert [change["sequence"] for change in body["changes"]] == [
        edge["node"]["sequence"] for edge in graph["edges"]
    ]
    assert body["changes"][0]["ninjs"] == graph["edges"][0]["node"]["ninjs"]
    bad = client.get("/syndication/changes.json?first=many", headers=headers)
    assert bad.status_code == 400


def test_public_feeds_refuse_an_invalid_key_and_ignore_a_valid_one(client, world):
    anonymous = client.get("/feeds/kk/news.json")
    keyed = client.get("/feeds/kk/news.json", headers=bearer(world["key"]))
    assert anonymous.status_code == keyed.status_code == 200
    assert keyed.json()["items"] == anonymous.json()["items"]
    wrong = client.get("/feeds/kk/news.json", headers=bearer("otk_wrong-wrong-wrong-wrong"))
    assert wrong.status_code == 401


ARTICLES = "{ syndicationChanges(first: 100) { edges { node { sequence article { id title url "
ARTICLES += "categories { name } translations { url } } } } } }"


def test_the_article_field_costs_the_same_queries_for_any_number_of_entries(trees, client):
    _homes, indexes = trees
    partner = make_client()
    key = make_key(partner)
    counts = []
    for batch in range(2):
        for number in range(1 + 5 * batch):
            make_article(indexes["kk"], f"Batch {batch} number {number}")
        client.post(
            "/graphql/", {"query": ARTICLES}, content_type="application/json", headers=bearer(key)
        )  # records the key's use, so both measured requests skip that write
        with CaptureQueriesContext(connection) as queries:
            response = client.post(
                "/graphql/",
                {"query": ARTICLES},
                content_type="application/json",
                headers=bearer(key),
            )
        assert len(response.json()["data"]["syndicationChanges"]["edges"]) == 1 + 6 * batch
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10
