"""API keys and webhook secrets: random, stored hashed, revocable, use recorded sparingly."""

import base64
import datetime
import hashlib
import re

import pytest
from django.contrib.auth.models import Permission
from django.http import HttpResponse
from django.utils import timezone

from partners.models import Partner
from syndication.credentials import generate_webhook_secret
from syndication.keys import create_api_key, find_active_key, record_use, revoke
from syndication.models import ApiKey, SyndicationClient
from syndication.transactions import AtomicAdminWritesMiddleware
from tests.factories import locales, make_article, make_category
from tests.syndication.syndication_helpers import make_client

pytestmark = pytest.mark.django_db


def test_a_key_is_random_and_only_its_hash_is_stored():
    client = make_client()
    api_key, raw_key = create_api_key(client)
    _other, other_raw = create_api_key(client)
    assert raw_key.startswith("otk_") and len(raw_key) >= 40 and raw_key != other_raw
    stored = ApiKey.objects.get(pk=api_key.pk)
    assert stored.hashed_key == hashlib.sha256(raw_key.encode()).hexdigest()
    assert stored.prefix == raw_key[:12]
    assert raw_key not in {value for value in vars(stored).values() if isinstance(value, str)}
    assert client.keys.count() == 2  # rotation: several keys at once


def test_only_valid_keys_of_active_clients_are_found():
    client = make_client()
    api_key, raw_key = create_api_key(client)
    assert find_active_key(raw_key) == api_key
    assert find_active_key(raw_key + "x") is None
    assert find_active_key("not-a-key") is None
    SyndicationClient.objects.filter(pk=client.pk).update(active=False)
    assert find_active_key(raw_key) is None
    SyndicationClient.objects.filter(pk=client.pk).update(active=True)
    revoke(api_key)
    assert api_key.revoked_at is not None and find_active_key(raw_key) is None


def test_use_is_recorded_at_most_once_a_minute():
    client = make_client()
    api_key, _raw = create_api_key(client)
    now = timezone.now()
    assert record_use(api_key, now) is True
    assert record_use(api_key, now + datetime.timedelta(seconds=30)) is False
    stale_copy = ApiKey.objects.get(pk=api_key.pk)
    stale_copy.last_used_at = None  # another process that has not seen the write
    assert record_use(stale_copy, now + datetime.timedelta(seconds=40)) is False
    assert record_use(api_key, now + datetime.timedelta(seconds=61)) is True
    client.refresh_from_db()
    api_key.refresh_from_db()
    assert api_key.last_used_at == client.last_used_at == now + datetime.timedelta(seconds=61)


def test_webhook_secrets_follow_standard_webhooks():
    secret = generate_webhook_secret()
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) >= 24
    assert secret != generate_webhook_secret()


def test_a_client_with_a_webhook_url_gets_a_secret():
    client = make_client()
    assert client.webhook_secret == ""
    client.webhook_url = "https://partner.example/hooks/otandas"
    client.save()
    assert client.webhook_secret.startswith("whsec_")


# --- the admin pages of partner managers -----------------------------------------------


@pytest.fixture
def manager(client, admin_user):
    client.force_login(admin_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin speaks Kazakh by default
    return client


def test_the_admin_creates_a_client_with_its_scope(manager, trees):
    _homes, indexes = trees
    culture = make_category("Мәдениет", "madeniet", "kk")
    article = make_article(indexes["kk"], "Festival", categories=[culture])
    partner = Partner.objects.create(name="Foundation", locale=culture.locale)
    form = manager.get("/admin/syndication_clients/new/")
    assert form.status_code == 200 and "Мәдениет" in form.content.decode()
    response = manager.post(
        "/admin/syndication_clients/new/",
        {
            "partner": partner.pk,
            "name": "Foundation site",
            "active": "on",
            "locales": ["kk", "ru"],
            "categories": [str(culture.translation_key)],
            "webhook_url": "",
        },
    )
    assert response.status_code == 302
    client = SyndicationClient.objects.get(name="Foundation site")
    assert client.locales == ["kk", "ru"] and client.categories == [str(culture.translation_key)]
    assert [(e.action, e.page_id) for e in client.change_log.all()] == [("PUBLISHED", article.pk)]
    listing = manager.get("/admin/syndication_clients/")
    assert "Foundation site" in listing.content.decode()


def test_the_admin_sets_a_partners_own_quotas(manager, db):
    target = make_client("Agency feed")
    form = manager.get(f"/admin/syndication_clients/edit/{target.pk}/")
    assert "Requests a minute" in form.content.decode()
    fields = {
        "partner": target.partner_id,
        "name": target.name,
        "active": "on",
        "locales": target.locales,
        "webhook_url": "",
        "requests_per_minute": "5000",
        "query_cost_per_minute": "",
    }
    assert manager.post(f"/admin/syndication_clients/edit/{target.pk}/", fields).status_code == 302
    target.refresh_from_db()
    assert (target.requests_per_minute, target.query_cost_per_minute) == (5000, None)
    refused = manager.post(
        f"/admin/syndication_clients/edit/{target.pk}/", {**fields, "requests_per_minute": "-1"}
    )
    assert refused.status_code == 200 and "greater than or equal to 0" in refused.content.decode()


def test_a_key_is_shown_once_and_can_be_revoked(manager, db):
    client = make_client()
    page = manager.get(f"/admin/syndication_clients/{client.pk}/keys/")
    assert page.status_code == 200 and "No keys yet" in page.content.decode()
    created = manager.post(f"/admin/syndication_clients/{client.pk}/keys/", {"action": "create"})
    raw_key = re.search(r"<code>(otk_[^<]+)</code>", created.content.decode()).group(1)
    assert "no-store" in created["Cache-Control"]
    api_key = find_active_key(raw_key)
    assert api_key.client == client
    again = manager.get(f"/admin/syndication_clients/{client.pk}/keys/").content.decode()
    assert raw_key not in again and api_key.prefix in again
    revoked = manager.post(
        f"/admin/syndication_clients/{client.pk}/keys/", {"action": "revoke", "key": api_key.pk}
    )
    assert revoked.status_code == 302 and find_active_key(raw_key) is None


def test_keys_need_the_change_permission(client, django_user_model, db):
    clerk = django_user_model.objects.create_user("clerk", password="x")
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(clerk)
    target = make_client()
    response = client.post(f"/admin/syndication_clients/{target.pk}/keys/", {"action": "create"})
    assert response.status_code in (302, 403) and not target.keys.exists()


def test_admin_writes_are_rolled_back_on_a_server_error(rf, db):
    def failing_view(request):
        Partner.objects.create(name="Half-made", locale=locales()["kk"])
        return HttpResponse(status=500)

    middleware = AtomicAdminWritesMiddleware(failing_view)
    assert middleware(rf.post("/admin/pages/1/edit/")).status_code == 500
    assert not Partner.objects.filter(name="Half-made").exists()
    middleware(rf.get("/admin/"))
    assert Partner.objects.filter(name="Half-made").exists()  # reads are left alone
