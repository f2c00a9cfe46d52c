"""An API request cannot keep PostgreSQL busy for longer than API_STATEMENT_TIMEOUT_MS."""

import json
from contextlib import contextmanager

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a statement timeout is PostgreSQL's"
    ),
]

QUERY = '{ newsArticles(locale: "en") { items { title } } }'


def current_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


@contextmanager
def slow_database(seconds):
    """Every statement of the block takes `seconds` longer (a real pg_sleep, not a mock)."""

    def sleep_first(execute, sql, params, many, context):
        if not sql.startswith("SET statement_timeout"):
            execute(f"SELECT pg_sleep({seconds})", None, False, context)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(sleep_first):
        yield


def post(client, query):
    return client.post("/graphql/", json.dumps({"query": query}), content_type="application/json")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # autocommit, as in production
def test_a_slow_query_is_stopped_with_a_clear_error(client, settings, trees):
    settings.API_STATEMENT_TIMEOUT_MS = 100
    default = current_timeout()
    with slow_database(0.5):
        response = post(client, QUERY)
    assert response.status_code == 503
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "QUERY_TIMEOUT"
    assert "took too long" in error["message"]
    # The connection goes back to the server's default for whatever runs next on it.
    assert current_timeout() == default


def test_ordinary_queries_and_other_paths_are_not_bound(client, settings, trees):
    settings.API_STATEMENT_TIMEOUT_MS = 100
    assert post(client, QUERY).status_code == 200
    with slow_database(0.2):
        # The reader's shell looks the article up in the database: no bound outside the API.
        assert client.get("/reader/en/news/no-such-article/").status_code == 404
