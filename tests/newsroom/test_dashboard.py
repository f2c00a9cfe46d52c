"""The dashboard shows each role what is waiting for it."""

import re

import pytest
from django.urls import reverse

from newsroom.panels import review_counts
from newsroom.translation_status import locale_summary
from tests.factories import make_article
from tests.newsroom.conftest import as_user
from tests.newsroom.test_review import submit_article

pytestmark = pytest.mark.django_db


def counts_by_locale():
    return {locale.language_code: (missing, late) for locale, missing, late in locale_summary()}


def test_chief_editor_sees_what_waits_for_review_per_section(client, site, editor, chief):
    as_user(client, editor)
    submit_article(client, site.news["kk"], "One")
    submit_article(client, site.news["kk"], "Two")
    submit_article(client, site.news["ru"], "Three")
    rows = {(row["section"], row["locale"]): row["count"] for row in review_counts(chief)}
    assert rows == {("news", "kk"): 2, ("news", "ru"): 1}
    assert review_counts(editor) == []

    html = as_user(client, chief).get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="newsroom-review-queue' in html and "3 pages waiting for your review" in html
    assert re.search(r'data-section="news" data-locale="kk">.*?newsroom-count">2<', html, re.S)
    assert reverse("wagtailadmin_explore", args=[site.news["kk"].pk]) in html


def test_editor_sees_neither_panel(client, site, editor):
    html = as_user(client, editor).get(reverse("wagtailadmin_home")).content.decode()
    assert "newsroom-review-queue" not in html and "newsroom-translations" not in html


def test_translations_missing_and_out_of_date_per_locale(client, translated, translator):
    make_article(translated.source.get_parent(), "Only in kk")
    assert counts_by_locale() == {"kk": (0, 0), "ru": (1, 0), "en": (2, 0)}
    # Published again without a change of text (a setting): still in sync.
    translated.source.allow_syndication = False
    translated.source.save_revision().publish()
    assert counts_by_locale() == {"kk": (0, 0), "ru": (1, 0), "en": (2, 0)}
    # The source changes after its translation was synced: ru is out of date.
    translated.source.lead = "Changed lead."
    translated.source.save_revision().publish()
    assert counts_by_locale() == {"kk": (0, 0), "ru": (1, 1), "en": (2, 0)}

    as_user(client, translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert re.search(
        r'data-locale="ru">.*?newsroom-missing[^>]*>1<.*?newsroom-out-of-date[^>]*>1<', html, re.S
    )
    missing = client.get(reverse("newsroom_translation_status", args=["ru", "missing"]))
    assert missing.status_code == 200 and "Only in kk" in missing.content.decode()
    assert "select_locale=ru" in missing.content.decode()
    late = client.get(reverse("newsroom_translation_status", args=["ru", "out_of_date"]))
    assert late.status_code == 200 and "Kazakhs in Tokyo" in late.content.decode()
    assert (
        reverse("wagtail_localize:update_translations", args=[translated.translation.source_id])
        in late.content.decode()
    )


def test_translation_status_pages_need_the_translate_permission(client, site, editor):
    response = as_user(client, editor).get(
        reverse("newsroom_translation_status", args=["ru", "missing"])
    )
    assert response.status_code in (302, 403)
