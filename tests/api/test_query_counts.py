"""Lists cost the same number of SQL queries whatever their length."""

import pytest
from django.core.cache import caches

from tests.factories import make_article, make_category, make_country, make_image, translate

pytestmark = pytest.mark.django_db

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


@pytest.fixture(scope="module")
def fifty_articles(module_trees):
    _, indexes = module_trees
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


SECTIONS = """
query($perPage: Int!) {
  programmes(locale: "en", perPage: $perPage) {
    items { title url summary applicationDeadline translations { locale url }
            partner { name logo { alt rendition(fill: "160x160") { url } } } country { code }
            body { blockType
                   ... on CaptionedImageBlock { image { rendition(width: 640) { url } } } } }
    pagination { total }
  }
  culturalProjects(locale: "en", perPage: $perPage) {
    items { title url summary startDate place translations { locale url }
            partners { name logo { rendition(fill: "160x160") { url } } } country { code }
            gallery { ... on GalleryBlock { images { ... on CaptionedImageBlock {
                image { srcSet(sizes: [320, 640], format: "webp") } } } } } }
    pagination { total }
  }
  partners(locale: "en") { name website logo { alt url } country { name code } }
  newsCategories(locale: "en") { name slug }
  ticker(locale: "en") { weather { city temperatureC observedAt } exchangeRates { currency rate } }
}
"""


@pytest.fixture
def sections(module_trees):
    """Twenty programmes and twenty projects, each with a partner, a logo and images."""
    from home.models import City, CityWeather, ExchangeRate
    from partners.models import (
        CulturalProjectIndexPage,
        CulturalProjectPage,
        CulturalProjectPartner,
        Partner,
        ProgrammeIndexPage,
        ProgrammePage,
    )
    from tests.factories import locales, publish

    homes, _ = module_trees
    en = locales()["en"]
    country = make_country("Korea", "KR", "en")
    programmes = homes["en"].add_child(instance=ProgrammeIndexPage(title="P", slug="programmes"))
    projects = homes["en"].add_child(instance=CulturalProjectIndexPage(title="C", slug="projects"))
    for number in range(20):
        partner = Partner.objects.create(
            name=f"Foundation {number}", locale=en, logo=make_image(f"logo {number}", (200, 200))
        )
        image = {
            "image": make_image(f"p {number}", (400, 225)),
            "alt_text": "",
            "caption": "",
            "credit": "",
        }
        publish(
            programmes.add_child(
                instance=ProgrammePage(
                    title=f"Programme {number}",
                    summary="S",
                    partner=partner,
                    country=country,
                    body=[("image", image)],
                )
            )
        )
        project = CulturalProjectPage(
            title=f"Project {number}",
            summary="S",
            country=country,
            gallery=[("gallery", {"title": "", "images": [image, image]})],
        )
        project.project_partners.add(CulturalProjectPartner(partner=partner))
        publish(projects.add_child(instance=project))
    city = City.objects.create(name="Astana", locale=en)
    CityWeather.objects.create(city=city, temperature_c=7)
    ExchangeRate.objects.create(currency="USD", rate=421.58)
    for number in range(10):
        make_category(f"Category {number}", f"category-{number}", "en")


def test_section_and_header_queries_are_flat(sections, graphql, django_assert_max_num_queries):
    """Programmes, projects, partners, categories and the ticker: 18 queries for 2 or 20."""
    graphql(SECTIONS, {"perPage": 20})  # renditions exist from here on
    for rendition_cache in ("warm", "empty"):
        for per_page in (2, 10, 20):
            if rendition_cache == "empty":
                caches["renditions"].clear()
            with django_assert_max_num_queries(18):
                status, body = graphql(SECTIONS, {"perPage": per_page})
            assert status == 200 and "errors" not in body, body
            assert len(body["data"]["programmes"]["items"]) == per_page
            assert len(body["data"]["culturalProjects"]["items"]) == per_page
            assert len(body["data"]["partners"]) == 20


def test_a_list_loads_only_what_the_query_selects(
    fifty_articles, graphql, django_assert_num_queries
):
    """Titles and paths alone: the locales, the restricted paths and one page of articles.
    No COUNT, no images, categories, tags or translations."""
    with django_assert_num_queries(3):
        status, body = graphql(
            '{ newsArticles(locale: "en", perPage: 20) { items { title url } } }'
        )
    assert status == 200 and len(body["data"]["newsArticles"]["items"]) == 20


PAGED = """query($page: Int!, $perPage: Int!) {
  newsArticles(locale: "en", page: $page, perPage: $perPage) {
    items { title } pagination { total totalPages nextPage } } }"""


@pytest.mark.parametrize(
    "page, per_page, queries, count",
    [
        (1, 100, 3, 50),  # a short page tells the total: no COUNT
        (3, 20, 3, 10),  # the last, short page: no COUNT either
        (2, 20, 4, 20),  # a full page: the total needs a COUNT
        (9, 20, 4, 0),  # past the end: empty, with the right total
    ],
)
def test_pagination_counts_only_when_the_page_cannot_tell(
    fifty_articles, graphql, django_assert_num_queries, page, per_page, queries, count
):
    with django_assert_num_queries(queries):
        status, body = graphql(PAGED, {"page": page, "perPage": per_page})
    result = body["data"]["newsArticles"]
    assert status == 200 and len(result["items"]) == count
    assert result["pagination"]["total"] == 50
    assert result["pagination"]["totalPages"] == -(-50 // per_page)
