"""The caches in front are told what to drop: real HTTP receivers on 127.0.0.1 stand in
for Varnish, Fastly's and Cloudflare's APIs."""

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from cms.api import purge_backends
from tests.factories import make_article

pytestmark = pytest.mark.django_db


class Receiver:
    """An HTTP server recording every request; answers `status` (and `body`)."""

    def __init__(self, status=200, body=b'{"success": true}'):
        self.requests = []
        self.status, self.body = status, body
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def handle_one_request_any(self):
                length = int(self.headers.get("Content-Length") or 0)
                payload = self.rfile.read(length) if length else b""
                receiver.requests.append((self.command, self.path, dict(self.headers), payload))
                self.send_response(receiver.status)
                self.send_header("Content-Length", str(len(receiver.body)))
                self.end_headers()
                self.wfile.write(receiver.body)

            do_PURGE = do_POST = handle_one_request_any

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receivers():
    made = []

    def make(**kwargs):
        made.append(Receiver(**kwargs))
        return made[-1]

    yield make
    for receiver in made:
        receiver.close()


def test_publishing_purges_varnish_by_xkey(
    settings, trees, receivers, django_capture_on_commit_callbacks
):
    varnish = receivers()
    settings.CACHE_PURGE_BACKENDS = [f"varnish:{varnish.url}/"]
    _homes, indexes = trees
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(indexes["en"], "Astana", slug="astana")
    assert varnish.requests, "no purge reached Varnish"
    method, path, headers, _ = varnish.requests[-1]
    assert (method, path) == ("PURGE", "/")
    keys = set(headers["xkey-purge"].split())
    assert {f"page:{article.pk}", "list:news.newsarticlepage"} <= keys


def test_fastly_gets_surrogate_keys_and_cloudflare_tags_in_batches_of_30(settings, receivers):
    fastly, cloudflare = receivers(), receivers()
    settings.FASTLY_API_URL, settings.FASTLY_API_TOKEN = fastly.url, "fastly-secret"
    settings.CLOUDFLARE_API_URL, settings.CLOUDFLARE_API_TOKEN = cloudflare.url, "cf-secret"
    settings.CACHE_PURGE_BACKENDS = ["fastly:svc123", "cloudflare:zone9"]
    keys = [f"page:{n}" for n in range(75)]

    assert purge_backends.purge_in_front.call(keys) == []

    ((method, path, headers, _),) = fastly.requests
    assert (method, path, headers["Fastly-Key"]) == (
        "POST",
        "/service/svc123/purge",
        "fastly-secret",
    )
    assert headers["Surrogate-Key"].split() == keys
    assert [request[1] for request in cloudflare.requests] == ["/zones/zone9/purge_cache"] * 3
    assert cloudflare.requests[0][2]["Authorization"] == "Bearer cf-secret"
    batches = [json.loads(request[3])["tags"] for request in cloudflare.requests]
    assert [len(batch) for batch in batches] == [30, 30, 15]
    assert sum(batches, []) == keys


def test_long_key_lists_are_split_to_fit_a_header(settings, receivers):
    varnish = receivers()
    settings.CACHE_PURGE_BACKENDS = [f"varnish:{varnish.url}/"]
    keys = [f"below:{'0001' * 20}{n:04}" for n in range(200)]  # about 18,000 characters
    purge_backends.purge_in_front.call(keys)
    sent = [request[2]["xkey-purge"] for request in varnish.requests]
    assert len(sent) > 1
    assert all(len(header) <= purge_backends.HEADER_BUDGET for header in sent)
    assert " ".join(sent).split() == keys


def test_a_failing_backend_is_logged_and_the_others_still_purge(settings, receivers, caplog):
    broken, varnish = receivers(status=500, body=b"upstream down"), receivers()
    settings.CLOUDFLARE_API_URL = broken.url
    settings.CACHE_PURGE_BACKENDS = [
        "cloudflare:zone9",
        "varnish:http://127.0.0.1:9/",  # nothing listens: connection refused
        f"varnish:{varnish.url}/",
    ]
    with caplog.at_level(logging.ERROR, logger="cms.api.purge_backends"):
        failed = purge_backends.purge_in_front.call(["page:1"])
    assert failed == ["cloudflare:zone9", "varnish:http://127.0.0.1:9/"]
    assert "HTTP 500 upstream down" in caplog.text
    assert varnish.requests[0][2]["xkey-purge"] == "page:1"


def test_a_cloudflare_refusal_in_the_body_is_a_failure(settings, receivers):
    cloudflare = receivers(body=b'{"success": false, "errors": [{"code": 10000}]}')
    settings.CLOUDFLARE_API_URL = cloudflare.url
    settings.CACHE_PURGE_BACKENDS = ["cloudflare:zone9"]
    assert purge_backends.purge_in_front.call(["page:1"]) == ["cloudflare:zone9"]


def test_a_misspelt_backend_stops_the_checks(settings):
    settings.CACHE_PURGE_BACKENDS = ["varnsh:http://127.0.0.1:6081/"]
    with pytest.raises(SystemCheckError, match="is not kind:target"):
        call_command("check")
