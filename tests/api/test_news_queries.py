"""The news queries of the contract, as a mobile developer would use them."""

import pytest

from tests.factories import make_article, make_category, make_country, translate

LIST = """
query($locale: String!, $page: Int, $perPage: Int, $category: String, $country: String,
      $tag: String, $searchQuery: String, $includeUntranslated: Boolean) {
  newsArticles(locale: $locale, page: $page, perPage: $perPage, category: $category,
               country: $country, tag: $tag, searchQuery: $searchQuery,
               includeUntranslated: $includeUntranslated) {
    items { title url locale isFallback contentLocale categories { name slug }
            country { name code } translations { locale url } }
    pagination { total count perPage currentPage prevPage nextPage totalPages }
  }
}
"""
ONE = """
query($locale: String!, $slug: String!) {
  newsArticle(locale: $locale, slug: $slug) { title url locale translationKey }
}
"""


@pytest.fixture
def newsroom(trees):
    """Three en articles (newest last), the middle one translated into ru."""
    _, indexes = trees
    culture = make_category("Culture", "culture", "en")
    culture_ru = make_category("Культура", "kultura", "ru", culture.translation_key)
    japan = make_country("Japan", "JP", "en")
    make_country("Япония", "JP", "ru", japan.translation_key)
    first = make_article(indexes["en"], "First", categories=[culture], country=japan)
    second = make_article(indexes["en"], "Second story", categories=[culture])
    second.tags.set(["diaspora"])
    second.save_revision().publish()
    third = make_article(indexes["en"], "Third")
    translate(second, "ru", title="Вторая", slug="vtoraya", lead="Вторая история.")
    return {"first": first, "second": second, "third": third, "culture_ru": culture_ru}


def items(graphql, **variables):
    status, body = graphql(LIST, variables)
    assert status == 200 and "errors" not in body, body
    return body["data"]["newsArticles"]


@pytest.mark.django_db
def test_newest_first_with_pagination(newsroom, graphql):
    page1 = items(graphql, locale="en", perPage=2)
    assert [i["title"] for i in page1["items"]] == ["Third", "Second story"]
    assert page1["pagination"] == {
        "total": 3,
        "count": 2,
        "perPage": 2,
        "currentPage": 1,
        "prevPage": None,
        "nextPage": 2,
        "totalPages": 2,
    }
    page2 = items(graphql, locale="en", perPage=2, page=2)
    assert [i["title"] for i in page2["items"]] == ["First"]


@pytest.mark.django_db
def test_a_page_past_the_end_is_empty_not_the_last_page_again(newsroom, graphql):
    result = items(graphql, locale="en", perPage=2, page=5)
    assert result["items"] == []
    assert result["pagination"]["total"] == 3
    assert result["pagination"]["nextPage"] is None


@pytest.mark.django_db
def test_per_page_is_capped_at_100(newsroom, graphql):
    assert items(graphql, locale="en", perPage=1000)["pagination"]["perPage"] == 100


@pytest.mark.django_db
@pytest.mark.parametrize("variables", [{"page": 0}, {"perPage": 0}, {"perPage": -5}])
def test_bad_paging_is_bad_user_input(newsroom, graphql, variables):
    status, body = graphql(LIST, {"locale": "en", **variables})
    assert status == 200
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.django_db
def test_unknown_locale_is_an_error_not_an_empty_list(newsroom, graphql):
    status, body = graphql(LIST, {"locale": "de"})
    assert status == 200
    assert body["errors"][0]["extensions"]["code"] == "UNKNOWN_LOCALE"
    assert body["data"] is None


@pytest.mark.django_db
def test_filters_take_values_as_the_reader_sees_them(newsroom, graphql):
    by_category = items(graphql, locale="en", category="culture")["items"]
    assert {i["title"] for i in by_category} == {"First", "Second story"}
    assert [i["title"] for i in items(graphql, locale="ru", category="kultura")["items"]] == [
        "Вторая"
    ]
    assert [i["title"] for i in items(graphql, locale="en", country="jp")["items"]] == ["First"]
    assert [i["title"] for i in items(graphql, locale="en", tag="diaspora")["items"]] == [
        "Second story"
    ]


@pytest.mark.django_db
def test_an_unknown_category_is_not_found(newsroom, graphql):
    status, body = graphql(LIST, {"locale": "ru", "category": "culture"})  # the en slug
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


@pytest.mark.django_db
def test_search_stays_in_the_locale(newsroom, graphql):
    assert [i["title"] for i in items(graphql, locale="en", searchQuery="second")["items"]] == [
        "Second story"
    ]
    assert items(graphql, locale="ru", searchQuery="second")["items"] == []


@pytest.mark.django_db
def test_snippets_come_back_in_the_requested_locale(newsroom, graphql):
    (ru,) = items(graphql, locale="ru")["items"]
    # The ru copy was made without wagtail-localize, so it still points at the en category.
    assert ru["categories"] == [{"name": "Культура", "slug": "kultura"}]


@pytest.mark.django_db
def test_urls_and_translations(newsroom, graphql):
    (ru,) = items(graphql, locale="ru")["items"]
    assert ru["url"] == "/ru/news/vtoraya/"
    assert ru["translations"] == [{"locale": "en", "url": "/en/news/second-story/"}]


@pytest.mark.django_db
def test_untranslated_pages_only_on_request_and_marked(newsroom, graphql):
    second = newsroom["second"]
    third = newsroom["third"]
    alias = third.copy_for_translation(
        newsroom["culture_ru"].locale, copy_parents=False, alias=True
    )
    assert alias.alias_of_id == third.pk
    default = items(graphql, locale="ru")["items"]
    assert [i["title"] for i in default] == ["Вторая"]
    both = items(graphql, locale="ru", includeUntranslated=True)["items"]
    fallback = next(i for i in both if i["title"] == "Third")
    assert fallback["isFallback"] is True and fallback["contentLocale"] == "en"
    assert fallback["locale"] == "ru"
    real = next(i for i in both if i["title"] == "Вторая")
    assert real["isFallback"] is False and real["contentLocale"] == "ru"
    # An alias is not a translation: the en article does not list it.
    (en_third,) = [i for i in items(graphql, locale="en")["items"] if i["title"] == "Third"]
    assert en_third["translations"] == []
    assert second.pk


@pytest.mark.django_db
def test_one_article_by_slug_within_its_locale(newsroom, graphql, trees):
    _, indexes = trees
    make_article(indexes["kk"], "Second story", slug="second-story")  # same slug, other locale
    status, body = graphql(ONE, {"locale": "en", "slug": "second-story"})
    assert body["data"]["newsArticle"]["url"] == "/en/news/second-story/"
    status, body = graphql(ONE, {"locale": "en", "slug": "nope"})
    assert status == 200
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert body["data"] == {"newsArticle": None}


@pytest.mark.django_db
def test_gallery_images_are_blocks_with_ids(trees, graphql):
    from tests.factories import make_image

    _, indexes = trees
    image = {
        "image": make_image("g", (300, 200)),
        "alt_text": "A yurt",
        "caption": "",
        "credit": "",
    }
    make_article(indexes["en"], "Gal", body=[("gallery", {"title": "T", "images": [image, image]})])
    status, body = graphql(
        '{ newsArticle(locale: "en", slug: "gal") { body { ... on GalleryBlock { images '
        "{ id blockType ... on CaptionedImageBlock { altText } } } } } }"
    )
    assert "errors" not in body, body
    images = body["data"]["newsArticle"]["body"][0]["images"]
    assert [i["altText"] for i in images] == ["A yurt", "A yurt"]
    assert all(i["id"] and i["blockType"] == "CaptionedImageBlock" for i in images)
    assert images[0]["id"] != images[1]["id"]
