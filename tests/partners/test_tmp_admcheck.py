import pytest
from tests.partners.test_webhook_admin import pushed, receiver  # noqa
pytestmark = pytest.mark.django_db
def test_show(admin_client, pushed):
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/webhooks/" in html
    page = admin_client.get(f"/admin/webhooks/{pushed.pk}/").content.decode()
    i = page.find('<div class="nice-padding">')
    print(page[i:i+3000])
