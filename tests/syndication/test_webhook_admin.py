"""The admin's webhook pages: endpoint status, the per-attempt delivery log, redelivery."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import override_settings

from syndication.models import WebhookDelivery
from syndication.webhooks.delivery import deliver_due
from tests.factories import make_article
from tests.syndication.syndication_helpers import make_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def pushed(trees, receiver):
    """A client whose first push failed once (500), then arrived."""
    client = make_client(name="Tokyo partner")
    client.webhook_url = receiver.url + "?token=do-not-show"
    client.save()
    receiver.answer(500)
    make_article(trees[1]["kk"], "One")
    with override_settings(WEBHOOK_RETRY_SCHEDULE=[0], WEBHOOK_RETRY_JITTER=0):
        deliver_due()
        deliver_due()
    client.refresh_from_db()
    return client


def test_endpoints_and_the_delivery_log_show_every_attempt(admin_client, pushed):
    index = admin_client.get("/admin/webhooks/")
    assert index.status_code == 200
    assert "Tokyo partner" in index.content.decode()

    page = admin_client.get(f"/admin/webhooks/{pushed.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert f"msg_{pushed.pk}_1" in html
    assert "HTTP 500" in html and " 200 " in html and " ms" in html
    assert pushed.webhook_secret not in html
    assert "do-not-show" not in html


def test_redeliver_sends_the_same_event_again_with_the_same_id(admin_client, pushed, receiver):
    delivery = WebhookDelivery.objects.get(client=pushed)
    assert delivery.status == "delivered"
    response = admin_client.post(f"/admin/webhooks/deliveries/{delivery.pk}/redeliver/")
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == "pending"
    deliver_due()
    assert receiver.ids() == [f"msg_{pushed.pk}_1"] * 3
    assert receiver.requests[-1]["body"] == receiver.requests[-2]["body"]
    assert len(receiver.verified(pushed.webhook_secret)) == 3


def test_the_pages_need_the_webhook_permissions(client, pushed, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x")
    editors = Group.objects.create(name="Webhook viewers")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_webhookdelivery"),
    )
    editor.groups.add(editors)
    client.force_login(editor)
    assert client.get(f"/admin/webhooks/{pushed.pk}/").status_code == 200
    delivery = WebhookDelivery.objects.get(client=pushed)
    response = client.post(f"/admin/webhooks/deliveries/{delivery.pk}/redeliver/")
    assert response.status_code in (302, 403)
    delivery.refresh_from_db()
    assert delivery.status == "delivered"  # not re-queued
    editors.permissions.remove(Permission.objects.get(codename="view_webhookdelivery"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get("/admin/webhooks/").status_code in (302, 403)
