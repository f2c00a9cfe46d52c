"""grapple 0.31 does not declare Wagtail 8: these keep "it works" honest."""

import pytest
import wagtail
from graphql import build_schema

from cms.schema import schema
from tests.factories import make_article


def test_the_schema_builds_and_is_valid():
    sdl = str(schema)
    build_schema(sdl)  # raises if the printed schema is not valid SDL
    for name in ("newsArticles", "newsArticle", "ticker", "programmes", "culturalProjects"):
        assert f"  {name}(" in sdl
    assert wagtail.VERSION[0] == 8


@pytest.mark.django_db
def test_grapple_queries_run_on_wagtail_8(trees, graphql):
    _, indexes = trees
    make_article(indexes["en"], "Hello", dateline="ASTANA")
    status, body = graphql(
        '{ pages(contentType: "news.NewsArticlePage") { title ... on NewsArticlePage { dateline } } }'
    )
    assert status == 200, body
    assert {"title": "Hello", "dateline": "ASTANA"} in body["data"]["pages"]
