"""Three locale trees with every section, the roles granted on them, a user per role,
and an article translated with wagtail-localize."""

import html
import json
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from newsroom.roles import (
    CHIEF_EDITORS,
    EDITORS,
    PARTNER_MANAGERS,
    TRANSLATORS,
    grant_page_permissions,
)
from partners.models import CulturalProjectIndexPage, ProgrammeIndexPage
from tests.factories import locales, make_article, make_trees, publish


def add_section(homes, model, title, slug):
    """A section index page in the kk tree and its translations (same translation key)."""
    pages = {
        "kk": homes["kk"].add_child(
            instance=model(title=title, slug=slug, locale=homes["kk"].locale)
        )
    }
    publish(pages["kk"])
    for code in ("ru", "en"):
        pages[code] = publish(pages["kk"].copy_for_translation(locales()[code]))
    return pages


@pytest.fixture
def site(db):
    homes, news = make_trees()
    programmes = add_section(homes, ProgrammeIndexPage, "Programmes", "programmes")
    projects = add_section(homes, CulturalProjectIndexPage, "Projects", "projects")
    grant_page_permissions()
    return SimpleNamespace(homes=homes, news=news, programmes=programmes, projects=projects)


def make_user(username, group_name=None):
    user = get_user_model().objects.create_user(username, password="x", email=f"{username}@e.test")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return make_user("editor", EDITORS)


@pytest.fixture
def chief(db):
    return make_user("chief", CHIEF_EDITORS)


@pytest.fixture
def translator(db):
    return make_user("translator", TRANSLATORS)


@pytest.fixture
def partner_manager(db):
    return make_user("partners", PARTNER_MANAGERS)


def as_user(client, user):
    """`client` logged in as `user`, asking for the admin in English (the tests read its
    English words; the admin otherwise speaks the default language, Kazakh)."""
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def denied(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def translate_page(page, code, publish_target=True):
    """Start a wagtail-localize translation of `page` into `code`; returns it."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales()[code])
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    if publish_target:
        target.get_latest_revision().publish()
    return translation


@pytest.fixture
def translated(site):
    """A live kk article with a live, wagtail-localize translation into ru."""
    article = make_article(site.news["kk"], "Kazakhs in Tokyo", lead="Lead in kk.")
    translation = translate_page(article, "ru")
    return SimpleNamespace(
        source=article, translation=translation, target=translation.get_target_instance()
    )


def editor_props(response):
    """The props wagtail-localize's translation editor is rendered with."""
    match = re.search(
        r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()
    )
    return json.loads(html.unescape(match.group(1)))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
