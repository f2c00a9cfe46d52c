"""The caches in front are told what to drop: real HTTP receivers on 127.0.0.1
(tests/syndication/webhook_receiver.py) stand in for Varnish, Fastly's and Cloudflare's APIs."""

import json
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from cms.api import purge_backends
from tests.factories import make_article
from tests.syndication.webhook_receiver import Receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def receivers():
    made = []

    def make(body=b'{"success": true}'):
        made.append(Receiver(body=body))
        return made[-1]

    yield make
    for receiver in made:
        receiver.close()


def test_publishing_purges_varnish_by_xkey(
    settings, trees, receivers, django_capture_on_commit_callbacks
):
    varnish = receivers()
    settings.CACHE_PURGE_BACKENDS = [f"varnish:{varnish.base}/"]
    _homes, indexes = trees
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(indexes["en"], "Astana", slug="astana")
    assert varnish.requests, "no purge reached Varnish"
    last = varnish.requests[-1]
    assert (last["method"], last["path"]) == ("PURGE", "/")
    keys = set(last["headers"]["xkey-purge"].split())
    assert {f"page:{article.pk}", "list:news.newsarticlepage"} <= keys


def test_fastly_gets_surrogate_keys_and_cloudflare_tags_in_batches_of_30(settings, receivers):
    fastly, cloudflare = receivers(), receivers()
    settings.FASTLY_API_URL, settings.FASTLY_API_TOKEN = fastly.base, "fastly-secret"
    settings.CLOUDFLARE_API_URL, settings.CLOUDFLARE_API_TOKEN = cloudflare.base, "cf-secret"
    settings.CACHE_PURGE_BACKENDS = ["fastly:svc123", "cloudflare:zone9"]
    keys = [f"page:{n}" for n in range(75)]

    assert purge_backends.purge_in_front.call(keys) == []

    (purge,) = fastly.requests
    assert (purge["method"], purge["path"]) == ("POST", "/service/svc123/purge")
    assert purge["headers"]["fastly-key"] == "fastly-secret"
    assert purge["headers"]["surrogate-key"].split() == keys
    assert [request["path"] for request in cloudflare.requests] == ["/zones/zone9/purge_cache"] * 3
    assert cloudflare.requests[0]["headers"]["authorization"] == "Bearer cf-secret"
    batches = [json.loads(request["body"])["tags"] for request in cloudflare.requests]
    assert [len(batch) for batch in batches] == [30, 30, 15]
    assert sum(batches, []) == keys


def test_long_key_lists_are_split_to_fit_a_header(settings, receivers):
    varnish = receivers()
    settings.CACHE_PURGE_BACKENDS = [f"varnish:{varnish.base}/"]
    keys = [f"below:{'0001' * 20}{n:04}" for n in range(200)]  # about 18,000 characters
    purge_backends.purge_in_front.call(keys)
    sent = [request["headers"]["xkey-purge"] for request in varnish.requests]
    assert len(sent) > 1
    assert all(len(header) <= purge_backends.HEADER_BUDGET for header in sent)
    assert " ".join(sent).split() == keys


def test_a_failing_backend_is_logged_and_the_others_still_purge(settings, receivers, caplog):
    broken, varnish = receivers(body=b"upstream down"), receivers()
    broken.answer(500)
    settings.CLOUDFLARE_API_URL = broken.base
    settings.CACHE_PURGE_BACKENDS = [
        "cloudflare:zone9",
        "varnish:http://127.0.0.1:9/",  # nothing listens: connection refused
        f"varnish:{varnish.base}/",
    ]
    with caplog.at_level(logging.ERROR, logger="cms.api.purge_backends"):
        failed = purge_backends.purge_in_front.call(["page:1"])
    assert failed == ["cloudflare:zone9", "varnish:http://127.0.0.1:9/"]
    assert "HTTP 500 upstream down" in caplog.text
    assert varnish.requests[0]["headers"]["xkey-purge"] == "page:1"


def test_a_cloudflare_refusal_in_the_body_is_a_failure(settings, receivers):
    cloudflare = receivers(body=b'{"success": false, "errors": [{"code": 10000}]}')
    settings.CLOUDFLARE_API_URL = cloudflare.base
    settings.CACHE_PURGE_BACKENDS = ["cloudflare:zone9"]
    assert purge_backends.purge_in_front.call(["page:1"]) == ["cloudflare:zone9"]


def test_a_misspelt_backend_stops_the_checks(settings):
    settings.CACHE_PURGE_BACKENDS = ["varnsh:http://127.0.0.1:6081/"]
    with pytest.raises(SystemCheckError, match="is not kind:target"):
        call_command("check")
