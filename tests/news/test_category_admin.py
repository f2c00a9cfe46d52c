"""Snippets › News categories: every locale in one list, each row saying its language, and a
filter by language."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_category

pytestmark = pytest.mark.django_db

LIST = reverse("wagtailsnippets_news_newscategory:list")


@pytest.fixture
def categories(db):
    return {
        code: make_category(name, f"culture-{code}", code)
        for code, name in (("kk", "Мәдениет"), ("ru", "Культура"), ("en", "Culture"))
    }


def rows(html):
    """(name, language) of each row of the listing."""
    names = re.findall(r'<span id="snippet_\d+_title">([^<]*)</span>', html)
    languages = re.findall(r'<span class="w-status w-status--label">\s*([^<]*?)\s*</span>', html)
    return list(zip(names, languages, strict=True))


def get(client, **params):
    response = client.get(LIST, params, headers={"accept-language": "en"})
    assert response.status_code == 200
    return response.content.decode()


def test_each_row_says_its_language(admin_client, categories):
    html = get(admin_client)
    assert re.search(r"<th[^>]*>\s*(<a[^>]*>)?\s*Language", html), "no Language column"
    assert sorted(rows(html)) == [
        ("Culture", "English"),
        ("Культура", "Russian"),
        ("Мәдениет", "Kazakh"),
    ]


def test_the_list_filters_by_language(admin_client, categories):
    html = get(admin_client)
    for code in ("kk", "ru", "en"):
        assert f'name="locale" value="{code}"' in html
    assert rows(get(admin_client, locale="ru")) == [("Культура", "Russian")]
    # Searching within a language, by name or slug, parts of words too (it was a 500).
    assert rows(get(admin_client, locale="kk", q="Мәден")) == [("Мәдениет", "Kazakh")]
    assert rows(get(admin_client, q="culture-r")) == [("Культура", "Russian")]
