"""Revisions of every page type can be compared in the admin."""

import pytest
from django.urls import reverse

from home.models import HomePage, StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from partners.models import (
    CulturalProjectIndexPage,
    CulturalProjectPage,
    ProgrammeIndexPage,
    ProgrammePage,
)
from tests.factories import PAGE_TYPES, make_article

pytestmark = pytest.mark.django_db


def page_of_type(site, model):
    """A saved page of `model` in the kk tree."""
    kk = site.homes["kk"].locale
    existing = {
        HomePage: site.homes["kk"],
        NewsIndexPage: site.news["kk"],
        ProgrammeIndexPage: site.programmes["kk"],
        CulturalProjectIndexPage: site.projects["kk"],
    }
    if model in existing:
        return existing[model]
    if model is NewsArticlePage:
        return make_article(site.news["kk"], "Compared")
    parent, fields = {
        StandardPage: (site.homes["kk"], {"intro": "About us."}),
        ProgrammePage: (site.programmes["kk"], {"summary": "Language courses."}),
        CulturalProjectPage: (site.projects["kk"], {"summary": "Culture days."}),
    }[model]
    return parent.add_child(instance=model(title="Compared", slug="compared", locale=kk, **fields))


@pytest.mark.parametrize("model", PAGE_TYPES)
def test_compare_two_revisions(admin_client, site, model):
    page = page_of_type(site, model).specific
    first = page.save_revision()
    page.title = "Compared, second version"
    second = page.save_revision()
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "second version" in response.content.decode()
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
