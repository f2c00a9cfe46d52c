"""The roles on the demo content: `load_demo` grants them and makes a user per role."""

import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from demo.pages import page_key
from news.models import NewsArticlePage, NewsIndexPage
from newsroom.translation_status import locale_summary
from tests.newsroom.conftest import as_user


def lead_translation(code):
    kk = NewsArticlePage.objects.get(
        translation_key=page_key("japan-association"), locale__language_code="kk"
    )
    source = TranslationSource.objects.get_for_instance(kk)
    return Translation.objects.get(source=source, target_locale__language_code=code)


@pytest.mark.django_db
def test_load_demo_prints_a_login_per_role(demo):
    for username in ("editor", "chief", "translator", "partners"):
        assert f": {username} / " in demo
        assert User.objects.get(username=username).groups.exists()


@pytest.mark.django_db
def test_editors_write_in_every_demo_tree(demo):
    editor = User.objects.get(username="editor")
    for index in NewsIndexPage.objects.all():
        assert index.permissions_for_user(editor).can_add_subpage()
        assert index.get_workflow().name == "Newsroom review"


@pytest.mark.django_db
def test_translator_works_on_a_demo_article(client, demo):
    as_user(client, User.objects.get(username="translator"))
    translation = lead_translation("en")
    target = translation.get_target_instance()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert editor.status_code == 200 and "js-translation-editor" in editor.content.decode()
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200 and b"msgid" in download.content
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": io.BytesIO(download.content), "next": editor.request["PATH_INFO"]},
        follow=True,
    )
    assert upload.status_code == 200


@pytest.mark.django_db
def test_demo_translation_counts(client, demo):
    summary = {locale.language_code: (missing, late) for locale, missing, late in locale_summary()}
    # One article exists in kk only; nothing is out of date on a fresh install (the home
    # pages' featured articles were set after the homes were translated: no text changed).
    assert summary == {"kk": (0, 0), "ru": (1, 0), "en": (1, 0)}
    as_user(client, User.objects.get(username="chief"))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert Locale.objects.count() == 3
