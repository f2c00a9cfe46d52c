"""Year folders and translation: wagtail-localize, the tree sync, the translation status."""

import datetime

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from languages.models import UntranslatedPage
from news import archive
from news.models import NewsArticlePage, NewsYearPage
from newsroom.translation_status import missing_count
from tests.factories import locales, make_article
from tests.newsroom.conftest import translate_page

pytestmark = pytest.mark.django_db


def article_in(index, year, title):
    when = datetime.datetime(year, 3, 1, 12, tzinfo=datetime.UTC)
    return make_article(archive.year_folder(index, year), title, published_at=when)


def folders(code):
    return NewsYearPage.objects.filter(locale=Locale.objects.get(language_code=code))


def test_a_translation_goes_into_the_target_locales_year_folder_made_for_it(trees):
    _, news = trees
    source = article_in(news["en"], 2026, "Tokyo")
    assert not folders("kk").exists()
    target = translate_page(source, "kk").get_target_instance()
    folder = target.get_parent().specific
    assert isinstance(folder, NewsYearPage) and folder.slug == "2026"
    assert folder.get_parent().pk == news["kk"].pk
    assert folder.translation_key == source.get_parent().translation_key
    assert target.url_path == news["kk"].url_path + "tokyo/"
    assert folders("kk").count() == 1


def test_a_translation_goes_into_the_existing_folder_of_its_year(trees):
    _, news = trees
    kk_2026 = archive.year_folder(news["kk"], 2026)
    source = article_in(news["en"], 2026, "Tokyo")
    assert kk_2026.translation_key == source.get_parent().translation_key
    target = translate_page(source, "kk").get_target_instance()
    assert target.get_parent().pk == kk_2026.pk
    assert folders("kk").count() == 1
    # The folder the admin would pick for a kk article of 2026 is the same one.
    assert archive.year_folder(news["kk"], 2026).pk == kk_2026.pk


def test_the_tree_sync_brings_folders_and_they_never_count_as_untranslated(trees):
    _, news = trees
    source = article_in(news["kk"], 2026, "Almaty")  # kk: the default locale
    synchronize_tree(locales()["kk"], locales()["ru"])
    ru_folder = folders("ru").get()
    assert ru_folder.alias_of_id == source.get_parent().pk
    alias = NewsArticlePage.objects.get(
        locale=locales()["ru"], translation_key=source.translation_key
    )
    assert (
        alias.get_parent().pk == ru_folder.pk and alias.url_path == news["ru"].url_path + "almaty/"
    )
    # A ru article of 2026 goes into the synced folder, not a second one.
    assert archive.year_folder(news["ru"], 2026).pk == ru_folder.pk

    # Missing in ru: the article only (the folders of en and kk are not content).
    archive.year_folder(news["en"], 2025)
    assert missing_count(locales()["ru"]) == 1
    assert missing_count(locales()["en"]) == 1

    # The folder made a page of its own (e.g. "Translate this page" on it) is not
    # recorded as untranslated; the article still is, as before.
    ru_folder.alias_of_id = None
    ru_folder.save(update_fields=["alias_of_id"])
    target = translate_page(source, "ru").get_target_instance()
    assert target.get_parent().pk == ru_folder.pk
    recorded = set(UntranslatedPage.objects.values_list("page_id", flat=True))
    assert ru_folder.pk not in recorded and target.pk in recorded
    assert Page.objects.get(pk=ru_folder.pk).live
