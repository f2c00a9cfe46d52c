"""Kazakh in Latin script: the kk pages served as "kk-Latn" by the API, feeds and ninjs."""

import pytest

from languages.models import LatinSpelling
from tests.factories import make_article, make_category, make_country, translate
from tests.syndication.syndication_helpers import bearer, make_client, make_key

pytestmark = pytest.mark.django_db

LIST = """query ($locale: String!) {
  newsArticles(locale: $locale) {
    items { title lead dateline url locale contentLocale slug
            categories { name slug } country { name code }
            translations { locale url }
            body { ... on RichTextBlock { value } ... on FactBoxBlock { title text } } }
  }
}"""
ONE = """query ($locale: String!, $slug: String!) {
  newsArticle(locale: $locale, slug: $slug) { title url locale }
}"""


@pytest.fixture
def kazakh(trees):
    _, indexes = trees
    category = make_category("Мәдениет", "madeniet", "kk")
    country = make_country("Жапония", "JP", "kk")
    article = make_article(
        indexes["kk"],
        "Қазақпарат: Токиода қазақ мәдениеті күндері",
        slug="tokioda-kunder",
        lead="Жапонияның астанасында Абай оқулары өтті.",
        dateline="ТОКИО",
        categories=[category],
        country=country,
        body=[
            ("paragraph", '<p>Оқулар <a href="https://example.kz/абай">Абай</a> туралы.</p>'),
            ("fact_box", {"title": "Анықтама", "text": "<p>Шығыс &amp; Батыс</p>"}),
        ],
    )
    translate(article, "en", title="Kazakh culture days in Tokyo", slug="culture-days")
    return article


def test_the_list_in_latin_script(kazakh, graphql):
    _status, body = graphql(LIST, {"locale": "kk-Latn"})
    (item,) = body["data"]["newsArticles"]["items"]
    assert item["title"] == "Qazaqparat: Tokioda qazaq mädenietı künderı"
    assert item["lead"] == "Japoniianyñ astanasynda Abai oqulary öttı."
    assert item["dateline"] == "TOKİO"
    # Codes, slugs and URLs are not text: the URL says where the Latin version is.
    assert (item["locale"], item["contentLocale"]) == ("kk-Latn", "kk-Latn")
    assert item["slug"] == "tokioda-kunder"
    assert item["url"] == "/kk-latn/news/tokioda-kunder/"
    assert item["categories"] == [{"name": "Mädeniet", "slug": "madeniet"}]
    assert item["country"] == {"name": "Japoniia", "code": "JP"}
    assert item["translations"] == [{"locale": "en", "url": "/en/news/culture-days/"}]
    paragraph, fact_box = item["body"]
    # Text nodes only: the link's address keeps its Cyrillic, entities stay entities.
    assert 'href="https://example.kz/абай">Abai</a>' in paragraph["value"]
    assert fact_box == {"title": "Anyqtama", "text": "<p>Şyğys &amp; Batys</p>"}


def test_the_same_request_in_cyrillic_is_unchanged(kazakh, graphql):
    _status, body = graphql(LIST, {"locale": "kk"})
    (item,) = body["data"]["newsArticles"]["items"]
    assert item["title"] == kazakh.title and item["locale"] == "kk"
    assert item["url"] == "/kk/news/tokioda-kunder/"


def test_the_variant_code_is_case_insensitive_and_listed(kazakh, graphql):
    _status, body = graphql(ONE, {"locale": "kk-latn", "slug": "tokioda-kunder"})
    assert body["data"]["newsArticle"]["locale"] == "kk-Latn"
    _status, body = graphql(ONE, {"locale": "kk-Cyrl", "slug": "tokioda-kunder"})
    error = body["errors"][0]["extensions"]
    assert error["code"] == "UNKNOWN_LOCALE" and "kk-Latn" in error["available"]


def test_names_the_editors_spell_their_way(kazakh, graphql):
    LatinSpelling.objects.create(cyrillic="Қазақпарат", latin="Kazinform")
    LatinSpelling.objects.create(cyrillic="Абай", latin="")  # kept as written
    _status, body = graphql(LIST, {"locale": "kk-Latn"})
    (item,) = body["data"]["newsArticles"]["items"]
    assert item["title"].startswith("Kazinform: Tokioda")
    assert item["lead"] == "Japoniianyñ astanasynda Абай oqulary öttı."


def test_feeds_in_latin_script(kazakh, client):
    feed = client.get("/feeds/kk-latn/news.json")
    assert feed.status_code == 200 and feed["Content-Language"] == "kk-Latn"
    data = feed.json()
    (item,) = data["items"]
    assert item["title"] == "Qazaqparat: Tokioda qazaq mädenietı künderı"
    assert item["url"].endswith("/kk-latn/news/tokioda-kunder/")
    assert item["language"] == "kk-Latn"
    rss = client.get("/feeds/kk-latn/news.rss").content.decode()
    assert "Qazaqparat: Tokioda" in rss and "Қазақпарат" not in rss


def test_ninjs_in_latin_script(kazakh, client):
    key = make_key(make_client(locales_=("kk",)))
    response = client.get("/syndication/ninjs/kk-latn/tokioda-kunder.json", headers=bearer(key))
    assert response.status_code == 200, response.content
    doc = response.json()
    assert doc["language"] == "kk-Latn"
    assert doc["headlines"][0]["value"].startswith("Qazaqparat:")
