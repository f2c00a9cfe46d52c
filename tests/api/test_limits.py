"""What one request may ask: refused before it runs, with HTTP 400 and a stable code."""

import json

import pytest
from django.test import override_settings

from tests.factories import make_article

pytestmark = pytest.mark.django_db

ARTICLE_FIELDS = "title url lead dateline heroImage { alt } categories { name } country { name }"


def post(client, body, content_type="application/json"):
    data = json.dumps(body) if content_type == "application/json" else body
    response = client.post("/graphql/", data, content_type=content_type)
    return response.status_code, response.json()


def code_of(body):
    return body["errors"][0]["extensions"]["code"]


def aliased(count, per_page=100):
    fields = " ".join(
        f'a{n}: newsArticles(locale: "en", perPage: {per_page}) {{ items {{ title }} }}'
        for n in range(count)
    )
    return "{ " + fields + " }"


def test_thousands_of_aliases_are_refused_before_running(client, trees):
    status, body = post(client, {"query": aliased(2000)})
    assert status == 400 and code_of(body) == "DOCUMENT_TOO_LARGE"
    with override_settings(GRAPHQL_MAX_BYTES=1_000_000):
        status, body = post(client, {"query": aliased(2000)})
    assert status == 400 and code_of(body) == "TOO_MANY_TOKENS"
    with override_settings(GRAPHQL_MAX_TOKENS=100_000, GRAPHQL_MAX_BYTES=1_000_000):
        status, body = post(client, {"query": aliased(2000)})
    assert status == 400 and code_of(body) == "TOO_MANY_ALIASES"
    assert body["errors"][0]["extensions"]["limit"] == 30


def test_cost_multiplies_by_page_size(client, trees):
    # 20 aliases pass the alias limit; 20 x 100 items of a field each cost 4,020.
    status, body = post(client, {"query": aliased(20)})
    assert status == 200, body
    with override_settings(GRAPHQL_MAX_COST=4_000):
        status, body = post(client, {"query": aliased(20)})
    assert status == 400 and code_of(body) == "QUERY_TOO_COSTLY"
    assert "4020" in body["errors"][0]["message"].replace(",", "")
    # A variable's value counts.
    query = 'query($n: Int) { newsArticles(locale: "en", perPage: $n) { items { title } } }'
    with override_settings(GRAPHQL_MAX_COST=50):
        assert post(client, {"query": query, "variables": {"n": 10}})[0] == 200
        status, body = post(client, {"query": query, "variables": {"n": 100}})
    assert status == 400 and code_of(body) == "QUERY_TOO_COSTLY"


def test_depth_directives_size_and_operations(client, trees):
    deep = "{ pages { " + "children { " * 20 + "id" + " }" * 20 + " } }"
    status, body = post(client, {"query": deep})
    assert status == 400 and code_of(body) == "QUERY_TOO_DEEP"
    # Repeated unknown directives: one error, not one per directive.
    directives = " ".join("@x" for _ in range(500))
    status, body = post(client, {"query": "{ __typename " + directives + " }"})
    assert status == 400 and code_of(body) == "TOO_MANY_DIRECTIVES" and len(body["errors"]) == 1
    status, body = post(client, {"query": "{ __typename }" + " " * 30_000})
    assert status == 400 and code_of(body) == "DOCUMENT_TOO_LARGE"
    many = " ".join(f"query q{n} {{ __typename }}" for n in range(6))
    status, body = post(client, {"query": many, "operationName": "q1"})
    assert status == 400 and code_of(body) == "TOO_MANY_OPERATIONS"


def test_bad_requests_are_client_errors(client, trees):
    for body in (
        {"query": 12},
        {"query": ["{ __typename }"]},
        {"query": "{ __typename }", "variables": [1]},
        {"query": "{ __typename }", "operationName": 3},
    ):
        status, answer = post(client, body)
        assert status == 400 and code_of(answer) == "BAD_REQUEST", (body, answer)
    status, answer = post(client, [{"query": "{ __typename }"}])  # no batching
    assert status == 400 and code_of(answer) == "BAD_REQUEST"


def test_only_json_or_graphql_bodies_are_accepted(client, trees):
    form = "query=%7B__typename%7D"
    status, body = post(client, form, content_type="application/x-www-form-urlencoded")
    assert status == 415 and code_of(body) == "UNSUPPORTED_MEDIA_TYPE"
    status, body = post(client, "{ __typename }", content_type="application/graphql")
    assert status == 200 and body["data"] == {"__typename": "Query"}
    response = client.get("/graphql/", {"query": "{ __typename }"})
    assert response.status_code == 200


def test_introspection_and_suggestions_can_be_switched_off(client, trees):
    with override_settings(GRAPHQL_INTROSPECTION=False, GRAPHQL_FIELD_SUGGESTIONS=False):
        status, body = post(client, {"query": "{ __schema { types { name } } }"})
        assert status == 400 and code_of(body) == "GRAPHQL_VALIDATION_FAILED"
        status, body = post(client, {"query": "{ __typename }"})
        assert status == 200
        status, body = post(client, {"query": "{ newsArticle { titl } }"})
        assert status == 400 and "Did you mean" not in json.dumps(body)
    status, body = post(client, {"query": '{ newsArticl(locale: "en") { id } }'})
    assert "Did you mean" in json.dumps(body)  # development and tests keep them


def test_the_readers_queries_pass_with_room(client, trees):
    _, indexes = trees
    make_article(indexes["en"], "One")
    query = (
        'query { newsArticles(locale: "en", perPage: 20) { items { '
        + ARTICLE_FIELDS
        + " } pagination { total } } }"
    )
    status, body = post(client, {"query": query})
    assert status == 200 and "errors" not in body


def known_queries():
    """The reader's queries, the README's examples and the benchmark's (scripts/query_costs.py)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "query_costs.py"
    spec = importlib.util.spec_from_file_location("query_costs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, module.known_queries()


def test_the_known_queries_use_at_most_half_of_every_limit():
    from cms.schema import schema

    module, queries = known_queries()
    assert {"HOME_QUERY", "ARTICLE_QUERY", "PAGE_BY_PATH_QUERY", "bench NEWS_QUERY"} <= set(queries)
    for name, (query, variables) in queries.items():
        for measure, (value, limit) in module.weigh(
            schema.graphql_schema, query, variables
        ).items():
            assert value * 2 <= limit, (name, measure, value, limit)
