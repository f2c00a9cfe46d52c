"""Persisted queries: Apollo's automatic protocol, and trusted documents only."""

import hashlib
import json

import pytest
from django.core.management import CommandError, call_command

from cms.api.persisted_queries import recent
from tests.factories import make_article

pytestmark = pytest.mark.django_db

QUERY = 'query Latest { newsArticles(locale: "kk") { items { title } } }'
HASH = hashlib.sha256(QUERY.encode()).hexdigest()


@pytest.fixture(autouse=True)
def _forget_documents():
    recent.clear()
    yield
    recent.clear()


@pytest.fixture
def article(trees):
    _homes, indexes = trees
    return make_article(indexes["kk"], "Japan", slug="japan")


def extensions(digest=HASH):
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def hashed_get(client, digest=HASH, **params):
    """What Apollo Client's persisted queries link sends with `useGETForHashedQueries`."""
    query = {"extensions": json.dumps(extensions(digest)), **params}
    return client.get("/graphql/", query)


def post(client, body):
    return client.post("/graphql/", json.dumps(body), content_type="application/json")


def codes(response):
    return [error["extensions"]["code"] for error in response.json().get("errors", [])]


def test_apollo_client_flow(client, article):
    # 1. The hash alone: unknown yet.
    first = hashed_get(client, operationName="Latest")
    assert first.status_code == 200
    assert first.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    assert codes(first) == ["PERSISTED_QUERY_NOT_FOUND"]
    # 2. The link sends the query with its hash (a POST), which stores it.
    second = post(client, {"query": QUERY, "operationName": "Latest", "extensions": extensions()})
    assert second.status_code == 200
    assert second.json()["data"]["newsArticles"]["items"] == [{"title": "Japan"}]
    # 3. From then on the short GET answers, and is cacheable.
    recent.clear()  # the cache, not this process's table, has it
    third = hashed_get(client, operationName="Latest")
    assert third.status_code == 200
    assert third.json() == second.json()
    assert "public" in third["Cache-Control"]


def test_a_hash_that_is_not_the_querys_is_refused(client, article):
    wrong = "0" * 64
    response = post(client, {"query": QUERY, "extensions": extensions(wrong)})
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]
    assert codes(hashed_get(client, wrong)) == ["PERSISTED_QUERY_NOT_FOUND"]  # not stored


@pytest.mark.parametrize(
    "bad",
    [
        "not json",
        json.dumps([1]),
        json.dumps({"persistedQuery": {"version": 2, "sha256Hash": HASH}}),
        json.dumps({"persistedQuery": {"version": 1, "sha256Hash": "xyz"}}),
    ],
)
def test_malformed_extensions_are_a_bad_request(client, bad):
    response = client.get("/graphql/", {"extensions": bad})
    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]


@pytest.fixture
def manifest(tmp_path):
    path = tmp_path / "app-manifest.json"
    path.write_text(
        json.dumps(
            {
                "format": "apollo-persisted-query-manifest",
                "version": 1,
                "operations": [{"id": HASH, "name": "Latest", "type": "query", "body": QUERY}],
            }
        )
    )
    return path


def test_trusted_documents_only(client, settings, article, manifest):
    call_command("register_persisted_queries", str(manifest))
    settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY = True

    registered = hashed_get(client)
    assert registered.status_code == 200
    assert registered.json()["data"]["newsArticles"]["items"] == [{"title": "Japan"}]
    by_id = client.get("/graphql/", {"documentId": HASH})  # Relay's and others' way
    assert by_id.json() == registered.json()

    as_text = post(client, {"query": QUERY})
    assert as_text.status_code == 400 and codes(as_text) == ["PERSISTED_QUERY_REQUIRED"]
    other = '{ newsArticles(locale: "en") { items { title } } }'
    unknown = post(
        client,
        {"query": other, "extensions": extensions(hashlib.sha256(other.encode()).hexdigest())},
    )
    assert unknown.status_code == 400 and codes(unknown) == ["PERSISTED_QUERY_NOT_IN_LIST"]


def test_a_relay_map_registers_too(tmp_path, db):
    path = tmp_path / "relay.json"
    path.write_text(json.dumps({"a1b2c3": QUERY}))
    call_command("register_persisted_queries", str(path))
    from cms.api.persisted_queries import TrustedDocument

    assert TrustedDocument.objects.get(pk="a1b2c3").document == QUERY


def test_a_manifest_with_a_wrong_hash_is_refused(tmp_path, db):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"0" * 64: QUERY}))
    with pytest.raises(CommandError, match="not the SHA-256"):
        call_command("register_persisted_queries", str(path))
