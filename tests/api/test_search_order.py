"""searchQuery sorted by date (with a cursor) or by relevance; stemming per language on PG."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import make_article

pytestmark = pytest.mark.django_db

SEARCH = """
query($q: String!, $order: SearchOrder, $after: String, $locale: String = "en") {
  newsArticles(locale: $locale, searchQuery: $q, searchOrder: $order, perPage: 2,
               after: $after) {
    items { title } pageInfo { endCursor hasNextPage } pagination { total totalIsExact }
  }
}
"""


@pytest.fixture
def stories(trees):
    _, indexes = trees
    start = timezone.now() - datetime.timedelta(days=1)
    leads = {
        "Old story": "Japan, Japan and Japan: Japan in Tokyo.",
        "Middle": "Nothing about it.",
        "New note": "A word on Japan among many other words on other things today.",
        "Newest": "Japan once, and then a long lead about the weather and the markets.",
    }
    for number, (title, lead) in enumerate(leads.items()):
        make_article(
            indexes["en"],
            title,
            lead=lead,
            published_at=start + datetime.timedelta(minutes=number),
        )
    return indexes


def search(graphql, **variables):
    status, body = graphql(SEARCH, variables)
    assert status == 200, body
    return body


def titles(body):
    return [item["title"] for item in body["data"]["newsArticles"]["items"]]


def test_by_date_is_the_default_and_reads_on_with_the_cursor(stories, graphql):
    first = search(graphql, q="Japan")
    assert titles(first) == ["Newest", "New note"]
    assert first["data"]["newsArticles"]["pagination"] == {"total": 3, "totalIsExact": True}
    cursor = first["data"]["newsArticles"]["pageInfo"]["endCursor"]
    rest = search(graphql, q="Japan", after=cursor)
    assert titles(rest) == ["Old story"]
    assert rest["data"]["newsArticles"]["pageInfo"]["hasNextPage"] is False


def test_by_relevance_the_best_match_comes_first_and_has_no_cursor(stories, graphql):
    body = search(graphql, q="Japan", order="RELEVANCE")
    assert titles(body)[0] == "Old story"
    assert body["data"]["newsArticles"]["pagination"]["total"] == 3
    assert body["data"]["newsArticles"]["pageInfo"]["endCursor"] is None
    cursor = search(graphql, q="Japan")["data"]["newsArticles"]["pageInfo"]["endCursor"]
    error = search(graphql, q="Japan", order="RELEVANCE", after=cursor)["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_russian_and_english_are_stemmed_kazakh_is_not(stories, graphql):
    make_article(stories["ru"], "Новости диаспоры", slug="novosti", lead="Много новостей.")
    make_article(stories["en"], "Stories", slug="stories-en", lead="Many stories here.")
    make_article(stories["kk"], "Жаңалықтар", slug="zhanalyqtar", lead="Жаңалықтары көп.")
    assert titles(search(graphql, q="новость", locale="ru")) == ["Новости диаспоры"]
    assert titles(search(graphql, q="story", locale="en")) == ["Stories", "Old story"]
    assert titles(search(graphql, q="жаңалықтар", locale="kk")) == ["Жаңалықтар"]
    assert titles(search(graphql, q="жаңалық", locale="kk")) == []
