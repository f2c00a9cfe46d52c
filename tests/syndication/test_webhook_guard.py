"""The SSRF guard on webhook URLs: at save time and at send time.

Only literal addresses and `localhost` are resolved here, and the only traffic
is to the test's own receiver on 127.0.0.1: refused URLs are never contacted.
"""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from syndication.models import SyndicationClient, WebhookDelivery
from syndication.webhooks.delivery import deliver_due
from syndication.webhooks.guard import is_public_address, validate_webhook_url
from tests.factories import make_article
from tests.syndication.syndication_helpers import make_client

PRIVATE_OFF = override_settings(WEBHOOK_ALLOW_PRIVATE_NETWORKS=False)
REFUSED = [
    "http://127.0.0.1:9/hook",
    "http://localhost/hook",
    "http://0x7f000001/hook",  # 127.0.0.1 in hex: caught because the name is resolved
    "http://10.1.2.3/hook",
    "http://192.168.0.10/hook",
    "http://172.16.5.4/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/hook",
    "http://0.0.0.0/hook",
    "http://[::1]/hook",
    "http://[fe80::1]/hook",
    "http://[fd00::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
]


@PRIVATE_OFF
@pytest.mark.parametrize("url", REFUSED)
def test_private_loopback_and_link_local_targets_are_refused(url):
    with pytest.raises(ValidationError) as caught:
        validate_webhook_url(url)
    assert "webhook_url" in caught.value.message_dict


@PRIVATE_OFF
def test_public_addresses_pass():
    validate_webhook_url("https://93.184.216.34/hook")  # a literal: no DNS query, no traffic
    assert is_public_address("2606:2800:220:1:248:1893:25c8:1946")
    assert not is_public_address("::ffff:10.0.0.1")


@pytest.mark.django_db
@PRIVATE_OFF
def test_saving_a_client_with_a_private_url_is_refused(trees):
    client = make_client()
    client.webhook_url = "http://169.254.169.254/latest/"
    with pytest.raises(ValidationError):
        client.save()
    assert SyndicationClient.objects.get(pk=client.pk).webhook_url == ""


@pytest.mark.django_db
@PRIVATE_OFF
def test_a_url_that_turns_private_is_refused_at_send_time_without_traffic(trees, receiver):
    with override_settings(WEBHOOK_ALLOW_PRIVATE_NETWORKS=True):
        client = make_client()
        client.webhook_url = receiver.url
        client.save()
    make_article(trees[1]["kk"], "One")
    deliver_due()
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get(client=client)
    assert delivery.status == "pending"
    assert delivery.last_error.startswith("Refused:") and "127.0.0.1" in delivery.last_error
    [attempt] = delivery.log.all()
    assert attempt.status_code is None

    with override_settings(WEBHOOK_ALLOW_PRIVATE_NETWORKS=True):
        delivery.next_attempt_at = delivery.created_at
        delivery.save()
        deliver_due()
    assert len(receiver.requests) == 1


@override_settings(WEBHOOK_REQUIRE_HTTPS=True)
def test_https_is_required_when_configured():
    with pytest.raises(ValidationError, match="https"):
        validate_webhook_url("http://127.0.0.1/hook")
    validate_webhook_url("https://127.0.0.1/hook")  # private networks allowed in tests


@pytest.mark.parametrize(
    "url", ["ftp://example.org/hook", "http://user:pass@127.0.0.1/hook", "not a url"]
)
def test_other_schemes_credentials_and_garbage_are_refused(url):
    with pytest.raises(ValidationError):
        validate_webhook_url(url)
