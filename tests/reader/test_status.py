"""The reader's shell answers 404 where there is nothing for a reader, 200 elsewhere; both
are the same shell (app.js shows "Page not found")."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import locales, make_article

pytestmark = pytest.mark.django_db


def status(client, path):
    response = client.get(path)
    assert 'data-graphql-url="/graphql/"' in response.content.decode()  # the shell, always
    return response.status_code


@pytest.fixture
def article(trees):
    _homes, news = trees
    return make_article(news["en"], "Culture days", slug="culture-days")


def test_a_visible_article_is_found(client, article):
    assert status(client, "/reader/en/news/culture-days/") == 200
    assert status(client, "/reader/en/news/culture-days") == 200  # as app.js routes it


@pytest.mark.parametrize(
    "path",
    [
        "/reader/en/news/no-such-article/",
        "/reader/kk/news/culture-days/",  # not in that locale
        "/reader/xx/",  # not a language of the site
        "/reader/xx/news/culture-days/",
    ],
)
def test_nothing_there_is_404(client, article, path):
    assert status(client, path) == 404


def test_hidden_articles_are_404(client, trees):
    _homes, news = trees
    make_article(news["en"], "Draft", live=False)
    expired = make_article(news["en"], "Expired")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save_revision().publish()
    expired.refresh_from_db()
    assert expired.live  # publish_scheduled has not run yet: the API hides it anyway
    private = make_article(news["en"], "Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    for slug in ("draft", "expired", "private"):
        assert status(client, f"/reader/en/news/{slug}/") == 404, slug


def test_an_article_not_yet_translated_is_found_as_the_api_finds_it(client, trees, article):
    _homes, news = trees
    kazakh = make_article(news["kk"], "Мәдениет күндері", slug="madeniet-kunderi")
    kazakh.create_alias(parent=news["ru"], update_locale=locales()["ru"])
    assert status(client, "/reader/ru/news/madeniet-kunderi/") == 200


def test_other_paths_and_previews_are_left_to_the_shell(client, trees):
    for path in ("/reader/", "/reader/en/", "/reader/en/programmes/anything/"):
        assert status(client, path) == 200, path
    assert status(client, "/reader/en/news/draft/?content_type=news.newsarticlepage&token=t") == 200


def test_the_check_is_cheap(client, article, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert status(client, "/reader/en/news/culture-days/") == 200
    with django_assert_max_num_queries(0):
        assert status(client, "/reader/en/") == 200


def test_kazakh_in_latin_script_has_the_kazakh_articles(client, trees):
    _homes, news = trees
    make_article(news["kk"], "Мәдениет күндері", slug="madeniet")
    assert status(client, "/reader/kk-latn/news/madeniet/") == 200
    assert status(client, "/reader/kk-latn/news/culture-days/") == 404
