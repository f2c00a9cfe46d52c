"""Lists cost the same number of SQL queries whatever their length."""

import pytest
from django.core.cache import caches

from tests.factories import make_article, make_category, make_country, make_image, translate

NEWS = """
query($perPage: Int!) {
  newsArticles(locale: "en", perPage: $perPage) {
    items {
      title lead dateline url locale translationKey
      heroImage { alt rendition(fill: "640x360", format: "webp") { url width height }
                  srcSet(sizes: [320, 640], format: "webp") }
      categories { name slug }
      country { name code }
      tags { name }
      translations { locale url id }
      body {
        blockType
        ... on CaptionedImageBlock { altText image { url rendition(width: 640) { url } } }
        ... on FactBoxBlock { title text }
      }
    }
    pagination { total }
  }
}
"""


@pytest.fixture
def fifty_articles(trees, django_capture_on_commit_callbacks):
    _, indexes = trees
    category = make_category("Culture", "culture", "en")
    country = make_country("Japan", "JP", "en")
    for number in range(50):
        hero, inline = (
            make_image(f"hero {number}", (400, 225)),
            make_image(f"in {number}", (400, 225)),
        )
        body = [
            ("paragraph", "<p>Text</p>"),
            ("image", {"image": inline, "alt_text": "Alt", "caption": "", "credit": ""}),
            ("fact_box", {"title": "Reference", "text": "<p>Fact</p>"}),
        ]
        article = make_article(
            indexes["en"],
            f"Story {number}",
            categories=[category],
            country=country,
            hero_image=hero,
            hero_alt="Alt",
            body=body,
        )
        article.tags.set(["culture"])
        article.save_revision().publish()
        if number % 2:
            translate(article, "ru", title=f"История {number}")


def test_news_articles_query_count_is_flat(fifty_articles, graphql, django_assert_max_num_queries):
    """The same at most 9 queries for 5, 20 or 50 articles, with a warm or an empty cache."""
    graphql(NEWS, {"perPage": 50})  # renditions exist in the database from here on
    for rendition_cache in ("warm", "empty"):
        for per_page in (5, 20, 50):
            if rendition_cache == "empty":
                caches["renditions"].clear()
            with django_assert_max_num_queries(9):
                status, body = graphql(NEWS, {"perPage": per_page})
            assert status == 200 and "errors" not in body, body
            items = body["data"]["newsArticles"]["items"]
            assert len(items) == per_page
            assert all(item["heroImage"]["rendition"]["url"] for item in items)
