"""The section listings show each page's translation status: "kk ✓ ru ⟳ en –"."""

import re

import pytest
from django.urls import reverse

from news import archive
from newsroom.translation_status import statuses_for
from tests.factories import make_article
from tests.newsroom.conftest import as_user

pytestmark = pytest.mark.django_db


def row_statuses(html, title):
    """{language: state} of the listing row holding `title`."""
    row = next(row for row in re.findall(r"<tr.*?</tr>", html, re.S) if title in row)
    return dict(re.findall(r'data-locale="(\w+)" data-state="(\w+)"', row))


def test_section_listing_shows_the_translation_status(client, translated, translator):
    # Articles live in year folders (news.archive): the folder's listing has the column.
    archive.move_into_year_folders(translated.source.get_parent())
    translated.source.refresh_from_db()
    alone = make_article(translated.source.get_parent(), "Only in kk")
    translated.source.lead = "Changed after the translation."
    translated.source.save_revision().publish()
    as_user(client, translator)
    response = client.get(reverse("wagtailadmin_explore", args=[translated.source.get_parent().pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "Translations" in html
    assert row_statuses(html, "Kazakhs in Tokyo") == {
        "kk": "in_sync",
        "ru": "out_of_date",
        "en": "missing",
    }
    assert row_statuses(html, "Only in kk") == {"kk": "in_sync", "ru": "missing", "en": "missing"}
    assert "ru ⟳" in html and "en –" in html
    assert statuses_for([alone])[alone.pk] == [
        ("kk", "in_sync"),
        ("ru", "missing"),
        ("en", "missing"),
    ]


def test_other_listings_are_unchanged(admin_client, site):
    response = admin_client.get(reverse("wagtailadmin_explore", args=[site.homes["kk"].pk]))
    assert response.status_code == 200 and "newsroom-translations" not in response.content.decode()


def test_statuses_take_the_same_queries_for_any_number_of_pages(
    site, django_assert_max_num_queries
):
    pages = [make_article(site.news["kk"], f"Article {n}") for n in range(5)]
    with django_assert_max_num_queries(4):
        statuses_for(pages)
