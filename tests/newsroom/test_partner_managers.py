"""Partner managers look after partners and syndication clients, and nothing else."""

import pytest
from django.urls import reverse
from wagtail.admin.auth import user_has_any_page_permission

from tests.newsroom.conftest import as_user, denied
from tests.syndication.syndication_helpers import make_client

pytestmark = pytest.mark.django_db


def test_partner_manager_manages_partners_and_syndication_clients(client, site, partner_manager):
    as_user(client, partner_manager)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get("/admin/snippets/partners/partner/").status_code == 200
    assert client.get("/admin/snippets/partners/partner/add/").status_code == 200
    assert client.get("/admin/syndication_clients/").status_code == 200
    assert client.get("/admin/syndication_clients/new/").status_code == 200
    syndication_client = make_client("Tokyo partner")
    keys = client.get(f"/admin/syndication_clients/{syndication_client.pk}/keys/")
    assert keys.status_code == 200


def test_partner_manager_has_no_page_permissions(client, site, partner_manager):
    assert not user_has_any_page_permission(partner_manager)
    as_user(client, partner_manager)
    assert denied(client.get(reverse("wagtailadmin_explore", args=[site.news["kk"].pk])))
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[site.homes["kk"].pk])))
    assert denied(client.get("/admin/snippets/news/newscategory/"))


def test_other_roles_cannot_manage_syndication_clients(client, site, editor, translator):
    for user in (editor, translator):
        as_user(client, user)
        assert denied(client.get("/admin/syndication_clients/"))
