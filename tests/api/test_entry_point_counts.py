"""Every entry point, grapple's own fields included: the same number of SQL queries for
3 items and for 30."""

import pytest

from tests.factories import make_article, make_category, make_country, make_image, translate

pytestmark = pytest.mark.django_db


ARTICLE_FIELDS = """
  ... on NewsArticlePage {
    categories { name slug } tags { name } country { name code }
    heroImage { alt rendition(fill: "640x360") { url } }
    body { ... on CaptionedImageBlock { image { rendition(width: 640) { url } } } }
  }
"""
ENTRY_POINTS = {
    # name: (query with $n, the number of SQL queries whatever $n)
    "pages_translations": (
        'query($n: PositiveInt) { pages(locale: "en", contentType: "news.NewsArticlePage",'
        " limit: $n) { id translations { locale url } isFallback contentLocale } }",
        6,
    ),
    "pages_relations": (
        'query($n: PositiveInt) { pages(locale: "en", contentType: "news.NewsArticlePage",'
        f" limit: $n) {{ id {ARTICLE_FIELDS} }} }}",
        9,
    ),
    "parent": (
        'query($n: Int) { newsArticles(locale: "en", perPage: $n) { items { parent { title } } } }',
        5,
    ),
    "ancestors": (
        'query($n: PositiveInt) { pages(locale: "en", contentType: "news.NewsArticlePage",'
        " limit: $n) { ancestors { title url } } }",
        7,
    ),
    "children_siblings_descendants": (
        'query($n: PositiveInt) { pages(locale: "en", contentType: "news.NewsArticlePage",'
        " limit: $n) { children { title } siblings(limit: 5) { title }"
        " descendants { title } } }",
        8,
    ),
    "index_children_and_descendants": (
        'query($n: PositiveInt) { page(locale: "en", urlPath: "/en/news/") {'
        f" children(limit: $n) {{ title {ARTICLE_FIELDS} }}"
        " descendants(limit: $n) { title translations { locale } } } }",
        16,
    ),
    "search": (
        'query($text: String) { search(locale: "en", query: $text) {'
        f" ... on NewsArticlePage {{ title translations {{ locale }} {ARTICLE_FIELDS} }} }} }}",
        None,  # measured below: the size is the number of matches
    ),
}


@pytest.fixture(scope="module")
def thirty_articles(module_trees):
    """Thirty en articles (three of them "Rare") with categories, a country, tags, a hero
    and a body image; every other one translated into ru."""
    _, indexes = module_trees
    category = make_category("Culture", "culture", "en")
    country = make_country("Japan", "JP", "en")
    for number in range(30):
        image = make_image(f"img {number}", (400, 225))
        body = [("image", {"image": image, "alt_text": "Alt", "caption": "", "credit": ""})]
        word = "Rare" if number < 3 else "Story"
        article = make_article(
            indexes["en"],
            f"{word} {number}",
            categories=[category],
            country=country,
            hero_image=image,
            body=body,
        )
        article.tags.set(["culture"])
        article.save_revision().publish()
        if number % 2:
            translate(article, "ru", title=f"История {number}")


def run_counted(graphql, django_assert_num_queries, query, variables, expected):
    with django_assert_num_queries(expected):
        status, body = graphql(query, variables)
    assert status == 200 and "errors" not in body, body
    return body["data"]


@pytest.mark.parametrize("name", [name for name in ENTRY_POINTS if name != "search"])
def test_every_entry_point_is_flat(thirty_articles, graphql, django_assert_num_queries, name):
    query, expected = ENTRY_POINTS[name]
    graphql(query, {"n": 30})  # renditions exist from here on
    sizes = []
    for n in (3, 30):
        data = run_counted(graphql, django_assert_num_queries, query, {"n": n}, expected)
        sizes.append(data)
    assert sizes[0] != sizes[1]  # the lists really differ in length


def test_search_is_flat(thirty_articles, graphql, django_assert_num_queries):
    query, _ = ENTRY_POINTS["search"]
    for text in ("Story", "Rare"):  # renditions exist from here on
        graphql(query, {"text": text})
    rare = run_counted(graphql, django_assert_num_queries, query, {"text": "Rare"}, 14)
    story = run_counted(graphql, django_assert_num_queries, query, {"text": "Story"}, 14)
    assert len(rare["search"]) == 3 and len(story["search"]) == 27
