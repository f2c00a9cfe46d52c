"""Cache headers on GraphQL responses: public GETs revalidate with an ETag; drafts,
partner answers and errors are never stored."""

import json

import pytest
from django.test import override_settings

from tests.api.test_preview import draft_token
from tests.factories import make_article
from tests.syndication.syndication_helpers import bearer, make_client, make_key

LIST = '{ newsArticles(locale: "kk") { items { title } } }'


@pytest.fixture
def article(trees):
    _homes, indexes = trees
    return make_article(indexes["kk"], "Japan", slug="japan")


def get(client, query, variables=None, **headers):
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/", params, headers=headers)


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_a_public_get_revalidates_with_an_etag(client, article):
    first = get(client, LIST)
    assert first.status_code == 200
    assert cache_control(first) == {"public", "max-age=0", "must-revalidate"}
    etag = first["ETag"]

    unchanged = get(client, LIST, **{"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == etag

    article.title = "Japan, updated"
    article.save_revision().publish()
    changed = get(client, LIST, **{"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["data"]["newsArticles"]["items"] == [{"title": "Japan, updated"}]


def test_a_public_answer_sets_no_cookie(client, article):
    """A Set-Cookie (graphene asks for a CSRF cookie) would keep CDNs and Varnish from
    storing the answer; the endpoint is CSRF-exempt and needs none."""
    response = get(client, LIST)
    assert response.status_code == 200
    assert "Set-Cookie" not in response and not response.cookies


def test_the_max_age_is_a_setting(client, article):
    with override_settings(GRAPHQL_CACHE_MAX_AGE=60):
        response = get(client, LIST)
    assert "max-age=60" in cache_control(response)


def test_a_preview_is_never_stored(client, article):
    token = draft_token(article, title="Japan (draft)")
    query = 'query($t: String) { newsArticle(locale: "kk", slug: "japan", token: $t) { title } }'
    response = get(client, query, {"t": token})
    assert response.json()["data"]["newsArticle"]["title"] == "Japan (draft)"
    assert {"private", "no-store"} <= cache_control(response)
    assert not response.has_header("ETag")


def test_errors_and_posts_are_not_stored(client, graphql, article):
    unknown = get(client, '{ newsArticles(locale: "xx") { items { title } } }')
    assert unknown.json()["errors"][0]["extensions"]["code"] == "UNKNOWN_LOCALE"
    assert "no-store" in cache_control(unknown) and "public" not in cache_control(unknown)
    posted = client.post("/graphql/", {"query": LIST}, content_type="application/json")
    assert posted.status_code == 200 and "no-store" in cache_control(posted)


def test_an_answer_to_a_partner_key_is_private(client, article):
    raw_key = make_key(make_client())
    response = get(client, LIST, **bearer(raw_key))
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)
    assert not response.has_header("ETag")
