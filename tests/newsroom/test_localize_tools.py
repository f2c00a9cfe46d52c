"""wagtail-localize's tools from the admin: PO files, machine translation, snippets."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from cms.settings.machine_translation import machine_translator
from home.models import Country
from news.models import NewsCategory
from partners.models import Partner
from tests.factories import locales, make_category, make_country
from tests.newsroom.conftest import as_user, edit_url, editor_props

pytestmark = pytest.mark.django_db

DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def test_po_download_and_upload(client, translated, translator):
    as_user(client, translator)
    pk = translated.translation.pk
    download = client.get(reverse("wagtail_localize:download_pofile", args=[pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "text/x-gettext-translation"
    po = download.content.decode().replace('msgstr ""\n\n', 'msgstr "Казахи в Токио"\n\n', 1)
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[pk]),
        {"file": io.BytesIO(po.encode()), "next": edit_url(translated.target)},
        follow=True,
    )
    assert upload.status_code == 200
    assert StringTranslation.objects.filter(locale=locales()["ru"], tool_name="PO File").exists()


def test_machine_translation_with_the_dummy_backend(client, translated, translator):
    as_user(client, translator)
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY):
        props = editor_props(client.get(edit_url(translated.target)))
        assert props["machineTranslator"]["name"] == "Dummy translator"
        response = client.post(
            props["machineTranslator"]["url"], {"next": edit_url(translated.target)}
        )
    assert response.status_code == 302
    title = StringTranslation.objects.get(
        locale=locales()["ru"],
        context__path="title",
        translation_of__segments__source=translated.translation.source,
    )
    assert title.data == "Tokyo in Kazakhs" and title.translation_type == "machine"


def test_no_machine_translator_configured_hides_the_button(client, translated, translator):
    as_user(client, translator)
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None):
        assert editor_props(client.get(edit_url(translated.target)))["machineTranslator"] is None
        url = reverse("wagtail_localize:machine_translate", args=[translated.translation.pk])
        # A 404 (LocaleMiddleware first tries the URL with a language prefix).
        assert client.post(url, follow=True).status_code == 404


def test_machine_translator_from_the_environment(monkeypatch):
    monkeypatch.delenv("MACHINE_TRANSLATOR", raising=False)
    assert machine_translator() is None
    monkeypatch.setenv("MACHINE_TRANSLATOR", "deepl")
    monkeypatch.setenv("MACHINE_TRANSLATOR_API_KEY", "key:fx")
    assert machine_translator()["OPTIONS"]["AUTH_KEY"] == "key:fx"
    monkeypatch.setenv("MACHINE_TRANSLATOR", "libretranslate")
    with pytest.raises(ImproperlyConfigured, match="MACHINE_TRANSLATOR_URL"):
        machine_translator()
    monkeypatch.setenv("MACHINE_TRANSLATOR", "babelfish")
    with pytest.raises(ImproperlyConfigured):
        machine_translator()


@pytest.mark.parametrize("model", [NewsCategory, Country, Partner])
def test_chief_editor_translates_snippets(client, site, chief, model):
    if model is NewsCategory:
        snippet = make_category("Madeniet", "madeniet", code="kk")
    elif model is Country:
        snippet = make_country("Japonia", "JP", code="kk")
    else:
        snippet = Partner.objects.create(name="Otandastar qory", locale=locales()["kk"])
    as_user(client, chief)
    meta = model._meta
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, snippet.pk],
    )
    assert client.post(url, {"locales": [locales()["ru"].pk]}).status_code == 302
    translated = model.objects.get(translation_key=snippet.translation_key, locale=locales()["ru"])
    editor = client.get(
        reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[translated.pk])
    )
    assert editor.status_code == 200 and "js-translation-editor" in editor.content.decode()
