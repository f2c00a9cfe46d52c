"""The first page, a cursor page and a search page cost the same queries at 30 and 300."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

FIRST = '{ newsArticles(locale: "en", perPage: 20) { items { title categories { name } } \
pagination { total totalIsExact } pageInfo { endCursor hasNextPage } } }'
AFTER = 'query($after: String) { newsArticles(locale: "en", perPage: 20, after: $after) { \
items { title } pagination { total } pageInfo { endCursor } } }'
CATEGORY = '{ newsArticles(locale: "en", perPage: 20, category: "culture") { items { title } \
pagination { total } } }'
SEARCH = '{ newsArticles(locale: "en", perPage: 20, searchQuery: "Kazakh") { items { title } \
pagination { total } pageInfo { endCursor } } }'
RELEVANCE = '{ newsArticles(locale: "en", perPage: 20, searchQuery: "Kazakh", \
searchOrder: RELEVANCE) { items { title } pagination { total } } }'


def add_articles(index, category, start, stop):
    base = timezone.now() - datetime.timedelta(days=30)
    for number in range(start, stop):
        make_article(
            index,
            f"Story {number}",
            lead="News of the Kazakh diaspora.",
            categories=[category],
            published_at=base + datetime.timedelta(minutes=number // 2),  # pairs share a time
        )


def counts(graphql, django_assert_num_queries, capture):
    first = graphql(FIRST)[1]["data"]["newsArticles"]
    cursor = first["pageInfo"]["endCursor"]
    result = {}
    for name, query, variables in (
        ("first", FIRST, None),
        ("after", AFTER, {"after": cursor}),
        ("category", CATEGORY, None),
        ("search", SEARCH, None),
        ("relevance", RELEVANCE, None),
    ):
        with capture() as queries:
            status, body = graphql(query, variables)
        assert status == 200 and "errors" not in body, body
        assert body["data"]["newsArticles"]["items"]
        result[name] = len(queries)
    return result


def test_query_counts_do_not_grow_with_the_archive(trees, graphql, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _, indexes = trees
    category = make_category("Culture", "culture", "en")
    add_articles(indexes["en"], category, 0, 30)
    small = counts(graphql, django_assert_num_queries, lambda: CaptureQueriesContext(connection))
    add_articles(indexes["en"], category, 30, 300)
    large = counts(graphql, django_assert_num_queries, lambda: CaptureQueriesContext(connection))
    assert small == large
    # equal at both sizes; pinned so a new query per request shows up too
    assert small == {"first": 5, "after": 4, "category": 5, "search": 5, "relevance": 5}
