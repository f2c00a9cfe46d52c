"""The project's gettext catalogues in locales/: complete, well-formed, and used by Django."""

import subprocess
from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.timesince import timesince
from django.utils.translation import trans_real

from home.blocks import FactBoxBlock
from news.models import NewsArticlePage
from partners.models import CulturalProjectPage, ProgrammePage

LOCALES = Path(settings.LOCALE_PATHS[0])
TRANSLATED = ["kk", "ru"]
ALL = ["kk", "ru", "en"]
PLURAL_FORMS = {
    "kk": "nplurals=2; plural=(n!=1);",
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
}


def po_path(lang):
    return LOCALES / lang / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    """Compile the .mo files (gitignored; compilemessages skips up-to-date ones), then make
    Django reload its catalogues in case they were loaded before the .mo files existed."""
    call_command("compilemessages", ignore=[".venv", "var", "node_modules"], verbosity=0)
    trans_real._translations = {}
    trans_real._default = None
    yield


def test_catalogues_exist_and_are_compiled():
    for lang in ALL:
        assert po_path(lang).is_file(), f"missing {po_path(lang)}"
        assert po_path(lang).with_suffix(".mo").is_file(), f"{lang} was not compiled"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_string_is_translated(lang):
    po = polib.pofile(str(po_path(lang)))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{lang}: untranslated {untranslated}"
    assert not fuzzy, f"{lang}: fuzzy {fuzzy}"
    assert len(po.translated_entries()) > 0


@pytest.mark.parametrize("lang", ALL)
def test_headers(lang):
    po = polib.pofile(str(po_path(lang)))
    assert not po.metadata_is_fuzzy, f"{lang}: the header is marked fuzzy"
    assert po.metadata["Language"] == lang
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    if lang in PLURAL_FORMS:
        assert po.metadata["Plural-Forms"] == PLURAL_FORMS[lang]


def test_catalogues_hold_the_same_strings():
    """kk, ru and en are made from the same sources; en (the source language) stays empty."""
    msgids = {
        lang: {e.msgid for e in polib.pofile(str(po_path(lang))) if not e.obsolete} for lang in ALL
    }
    assert msgids["kk"] == msgids["ru"] == msgids["en"]
    assert not polib.pofile(str(po_path("en"))).translated_entries()


EXPECTED = {
    "ru": {
        "article": "новостной материал",
        "lead": "лид",
        "lead_help": "Первый абзац: кто, что, где, когда. Простой текст без форматирования.",
        "hero": "главное изображение",
        "syndication": "разрешить синдикацию",
        "fact_box": "Справка",
        "programme": "программа для соотечественников",
        "project": "культурный проект",
    },
    "kk": {
        "article": "жаңалық материалы",
        "lead": "лид",
        "lead_help": "Алғашқы абзац: кім, не, қайда, қашан. Пішімделмеген мәтін.",
        "hero": "басты сурет",
        "syndication": "синдикацияға рұқсат ету",
        "fact_box": "Анықтама",
        "programme": "отандастарға арналған бағдарлама",
        "project": "мәдени жоба",
    },
    "en": {
        "article": "news article",
        "lead": "lead",
        "lead_help": "The opening paragraph: who, what, where, when. Plain text.",
        "hero": "hero image",
        "syndication": "allow syndication",
        "fact_box": "Fact box",
        "programme": "compatriot programme",
        "project": "cultural project",
    },
}


@pytest.mark.parametrize("lang", ALL)
def test_model_and_block_labels_are_translated(lang):
    meta = NewsArticlePage._meta
    with translation.override(lang):
        got = {
            "article": str(meta.verbose_name),
            "lead": str(meta.get_field("lead").verbose_name),
            "lead_help": str(meta.get_field("lead").help_text),
            "hero": str(meta.get_field("hero_image").verbose_name),
            "syndication": str(meta.get_field("allow_syndication").verbose_name),
            "fact_box": str(FactBoxBlock().meta.label),
            "programme": str(ProgrammePage._meta.verbose_name),
            "project": str(CulturalProjectPage._meta.verbose_name),
        }
    assert got == EXPECTED[lang]


# --- Kazakh for the apps that ship none (locales/vendor/, scripts/vendor_catalogues.py) ---

VENDOR = LOCALES / "vendor"
# Django's own catalogues that Wagtail's pages show (its kk lacks part of what ru has):
# our patches in locales/vendor/<app>/ complete them.
DJANGO_CATALOGUES = {
    "django": Path(django.__file__).parent / "conf" / "locale",
    "django.contrib.auth": Path(django.__file__).parent / "contrib" / "auth" / "locale",
    "django.contrib.contenttypes": Path(django.__file__).parent
    / "contrib"
    / "contenttypes"
    / "locale",
    "django.contrib.humanize": Path(django.__file__).parent / "contrib" / "humanize" / "locale",
}


def translated_keys(*paths):
    """(msgctxt, msgid) of every translated, non-fuzzy entry of the catalogues at `paths`."""
    keys = set()
    for path in paths:
        if path.is_file():
            for entry in polib.pofile(str(path)).translated_entries():
                if "fuzzy" not in entry.flags:
                    keys.add((entry.msgctxt, entry.msgid))
    return keys


def wagtail_catalogues():
    """(app, domain, that app's ru catalogue) for Wagtail's, wagtail-localize's and
    taggit's installed apps."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith(("wagtail", "taggit")):
            continue
        for ru in sorted((Path(config.path) / "locale" / "ru" / "LC_MESSAGES").glob("*.po")):
            found.append((config.name, ru.stem, ru))
    return found


def test_every_message_wagtail_offers_in_russian_is_in_kazakh():
    catalogues = wagtail_catalogues()
    assert len(catalogues) >= 15  # admin, core, images, documents, snippets, users, localize...
    missing = {}
    for app, domain, ru in catalogues:
        kk = VENDOR / app / "kk" / "LC_MESSAGES" / f"{domain}.po"
        gap = translated_keys(ru) - translated_keys(kk)
        if gap:
            missing[f"{app}/{domain}"] = sorted(msgid for _ctx, msgid in gap)[:5]
    assert not missing, f"no Kazakh for: {missing}"


@pytest.mark.parametrize("app", sorted(DJANGO_CATALOGUES))
def test_djangos_messages_are_complete_in_kazakh(app):
    locale = DJANGO_CATALOGUES[app]
    ru = translated_keys(locale / "ru" / "LC_MESSAGES" / "django.po")
    kk = translated_keys(
        locale / "kk" / "LC_MESSAGES" / "django.po",
        VENDOR / app / "kk" / "LC_MESSAGES" / "django.po",
    )
    assert not ru - kk, sorted(msgid for _ctx, msgid in ru - kk)[:10]


def test_vendor_catalogues_are_well_formed_and_complete():
    paths = sorted(VENDOR.glob("*/kk/LC_MESSAGES/*.po"))
    assert len(paths) >= 20
    for path in paths:
        po = polib.pofile(str(path))
        assert po.metadata["Language"] == "kk", path
        assert po.metadata["Plural-Forms"] == PLURAL_FORMS["kk"], path
        assert not po.untranslated_entries() and not po.fuzzy_entries(), path
        result = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0 and not result.stderr, (path, result.stderr)


def test_the_admin_speaks_kazakh():
    with translation.override("kk"):
        assert translation.gettext("Save draft") == "Нобайды сақтау"
        assert translation.gettext("Submit for moderation") == "Тексеруге жіберу"
        assert translation.gettext("Translate this page") == "Бұл бетті аудару"
        # Wagtail says "just now" only when this equals Django's timesince() for 0 minutes.
        assert translation.gettext("0 minutes") == timesince(timezone.now()).replace("\xa0", " ")
