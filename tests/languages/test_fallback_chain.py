"""CMS_LOCALE_FALLBACKS: a single page asked in a locale it does not exist in."""

import pytest

from tests.factories import locales, make_article

pytestmark = pytest.mark.django_db

ONE = """query ($locale: String!, $slug: String!) {
  newsArticle(locale: $locale, slug: $slug) { title locale contentLocale isFallback url }
}"""
PAGE = """query ($locale: String!, $slug: String!) {
  page(locale: $locale, slug: $slug) { title locale contentLocale isFallback }
}"""


@pytest.fixture
def chains(settings):
    settings.CMS_LOCALE_FALLBACKS = {"en": ["ru", "kk"], "ru": ["en"]}


@pytest.fixture
def russian_only(trees, chains):
    _, indexes = trees
    return make_article(indexes["ru"], "Только по-русски", slug="tolko")


def test_the_first_fallback_with_the_page_answers_marked(russian_only, graphql):
    _status, body = graphql(ONE, {"locale": "en", "slug": "tolko"})
    assert body["data"]["newsArticle"] == {
        "title": "Только по-русски",
        "locale": "en",
        "contentLocale": "ru",
        "isFallback": True,
        "url": "/ru/news/tolko/",  # where its text lives
    }
    _status, body = graphql(PAGE, {"locale": "en", "slug": "tolko"})
    assert body["data"]["page"]["isFallback"] is True


def test_a_locale_without_a_chain_to_it_finds_nothing(russian_only, graphql):
    _status, body = graphql(ONE, {"locale": "kk", "slug": "tolko"})
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_no_stand_in_when_the_page_exists_in_the_asked_locale(trees, chains, graphql):
    _, indexes = trees
    article = make_article(indexes["ru"], "Есть и английская", slug="est")
    draft = article.copy_for_translation(locales()["en"])  # a draft, not public
    draft.slug = "exists"
    draft.save()
    _status, body = graphql(ONE, {"locale": "en", "slug": "est"})
    assert body["data"]["newsArticle"] is None


def test_lists_are_not_affected(russian_only, graphql):
    _status, body = graphql(
        '{ newsArticles(locale: "en", includeUntranslated: true) { items { title } } }'
    )
    assert body["data"]["newsArticles"]["items"] == []
