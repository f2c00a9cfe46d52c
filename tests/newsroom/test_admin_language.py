"""The admin's labels follow the user's admin language, not the server's.

Wagtail builds a ModelViewSet's form class once, with the admin's URLs, in the
language of the first request (the default, kk): a snippet chooser in it kept
that language for everyone ("Choose серіктес" for English-speaking users).
home.viewsets.UserLanguageFormsMixin has the form built on each request.
"""

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.utils import translation
from wagtail.admin.viewsets import viewsets
from wagtail.users.models import UserProfile

from home.models import Country
from newsroom.roles import get_permission
from partners.models import Partner
from syndication.admin_views import SyndicationClientViewSet
from tests.factories import locales, make_article

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]")


def speaking(client, user, language):
    """`client` logged in as `user`, whose admin language is `language`; the browser
    asks for the other one, so that only the user's preference can decide."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "kk" if language == "en" else "en"
    return client


def chooser_texts(response):
    """The visible texts of the form's chooser buttons ("Choose partner"…)."""
    html = response.content.decode()
    buttons = re.findall(r"<button[^>]*data-chooser-action-choose[^>]*>(.*?)</button>", html, re.S)
    return {re.sub(r"<[^>]+>", "", text).strip() for text in buttons}


def menu_labels(response):
    """The labels of the sidebar's menu items (in the JSON the sidebar is drawn from)."""
    html = response.content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    found = set()

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("label"), str):
                found.add(value["label"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(props.group(1)))
    return found


def syndication_viewset():
    return next(v for v in viewsets.viewsets if isinstance(v, SyndicationClientViewSet))


def test_syndication_client_form_in_each_users_language(client, site, partner_manager):
    for _round in range(2):  # whoever comes first, each gets their own language
        speaking(client, partner_manager, "en")
        english = client.get("/admin/syndication_clients/new/")
        assert english.status_code == 200
        assert chooser_texts(english) == {"Choose partner", "Choose another partner"}

        speaking(client, partner_manager, "kk")
        kazakh = client.get("/admin/syndication_clients/new/")
        assert chooser_texts(kazakh) == {"серіктес таңдау", "Басқа серіктес таңдау"}


@pytest.mark.parametrize("build_in", ["kk", "ru"])
def test_views_built_in_another_language_speak_the_users(rf, site, partner_manager, build_in):
    """What happens when the admin's URLs are built by a request in another language."""
    cases = [
        (syndication_viewset(), "Choose partner"),
        (Partner.snippet_viewset, "Choose country"),
    ]
    for viewset, label in cases:
        with translation.override(build_in):
            view = viewset.add_view  # what building the admin's URL patterns does
        request = rf.get("/admin/")
        request.user = partner_manager
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        with translation.override("en"):  # the user's language, as the admin activates it
            response = view(request)
            response.render()
        assert response.status_code == 200
        assert label in chooser_texts(response), (viewset, chooser_texts(response))


def test_article_editor_country_chooser_in_each_users_language(client, site, chief):
    Country.objects.create(name="Жапония", code="JP", locale=locales()["kk"])
    article = make_article(site.news["kk"], "Токиодағы қазақтар")
    url = f"/admin/pages/{article.pk}/edit/"
    for _round in range(2):
        english = speaking(client, chief, "en").get(url)
        assert english.status_code == 200
        assert {"Choose country", "Choose an image"} <= chooser_texts(english)

        kazakh = speaking(client, chief, "kk").get(url)
        texts = chooser_texts(kazakh)
        assert "ел таңдау" in texts, texts
        assert not any(re.search(r"[A-Za-z]", text) for text in texts), texts


def test_permission_names_are_not_in_the_active_language():
    """The roles create missing permissions with Django's English names, whatever language
    the command runs in (load_demo and setup_roles run in the default, kk)."""
    with translation.override("kk"):
        assert str(Partner._meta.verbose_name) == "серіктес"
        assert get_permission("partners.add_partner").name == "Can add partner"
        Permission.objects.filter(codename="view_apikey").delete()
        assert get_permission("syndication.view_apikey").name == "Can view API key"
    names = Permission.objects.values_list("name", flat=True)
    assert not [name for name in names if CYRILLIC.search(name)]


def test_review_comment_label_follows_the_users_language():
    """Wagtail labels the review's comment box with a non-lazy gettext, at import (kk)."""
    from wagtail.forms import TaskStateCommentForm

    with translation.override("en"):
        assert str(TaskStateCommentForm()["comment"].label) == "Comment"
    with translation.override("kk"):
        assert str(TaskStateCommentForm()["comment"].label) == "Пікір"


def test_menu_labels_follow_the_users_language_whoever_came_first(client, site, chief):
    """wagtail-localize's "Translations" report and Wagtail's "What's new" are labelled with
    `gettext` when the menus are first built: in the first request's language, for all."""
    english = menu_labels(speaking(client, chief, "en").get("/admin/"))
    assert {"Translations", "What's new in Wagtail 8.0"} <= english, english
    kazakh = menu_labels(speaking(client, chief, "kk").get("/admin/"))
    assert {"Аудармалар", "Wagtail 8.0 нұсқасында не жаңа"} <= kazakh, kazakh
