"""A real varnishd with deploy/varnish/default.vcl in front of the live server: public
answers are kept, a publish purges them by key, private ones never are.

Runs in the SQLite leg only (the slow suites run in one leg); skipped, with the reason,
without varnishd and vmod-xkey (`make services` installs them).
"""

import http.client
import json
import shutil
import socket
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from tests.api.test_preview import draft_token
from tests.factories import make_article, make_trees
from tests.ports import free_port

VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"
XKEY = Path("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so")

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not shutil.which("varnishd"), reason="varnishd missing: `make services`"),
    pytest.mark.skipif(not XKEY.exists(), reason="vmod-xkey missing: `make services`"),
]

QUERY = '{ newsArticles(locale: "en") { items { title } } }'


@pytest.fixture(scope="module")
def varnish(live_server, tmp_path_factory):
    """varnishd on a throwaway port, its backend the live server; stopped after the module."""
    work = Path(django_settings.BASE_DIR) / "var" / f"varnish-test-{free_port()}"
    work.mkdir(parents=True)
    backend = urllib.parse.urlsplit(live_server.url)
    vcl = work / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend.port}"'))
    port = free_port()
    process = subprocess.Popen(
        ["varnishd", "-F", "-f", str(vcl), "-a", f"127.0.0.1:{port}", "-n", str(work / "n"),
         "-s", "malloc,32m", "-p", "default_grace=0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"varnishd did not start: {process.stderr.read().decode()}")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def front(varnish, settings):
    settings.GRAPHQL_CACHE_SHARED_MAX_AGE = 300
    settings.CACHE_PURGE_BACKENDS = [f"varnish:{varnish}/"]
    return varnish


def graphql_path(query=QUERY, variables=None):
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    return "/graphql/?" + urllib.parse.urlencode(params)


def request(base, method="GET", path=None, headers=None, source="127.0.0.1", body=None):
    path = path or graphql_path()
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(
        url.hostname, url.port, timeout=10, source_address=(source, 0)
    )
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def titles(body):
    return [item["title"] for item in json.loads(body)["data"]["newsArticles"]["items"]]


def test_a_public_answer_is_kept_until_a_publish_purges_it(front):
    _homes, indexes = make_trees()
    article = make_article(indexes["en"], "Astana", slug="astana")
    first, body = request(front)
    assert (first.status, first.getheader("X-Cache"), titles(body)) == (200, "MISS", ["Astana"])
    assert first.getheader("xkey") is None  # the keys stay between the CMS and Varnish
    again, body_again = request(front)
    assert (again.getheader("X-Cache"), body_again) == ("HIT", body)

    article.title = "Astana, renamed"
    article.save_revision().publish()  # autocommit: the purge goes out at once

    fresh, body = request(front)
    assert (fresh.getheader("X-Cache"), titles(body)) == ("MISS", ["Astana, renamed"])


def test_an_unpublished_article_leaves_the_cached_list(front):
    _homes, indexes = make_trees()
    article = make_article(indexes["en"], "Astana", slug="astana")
    make_article(indexes["en"], "Almaty", slug="almaty")
    request(front)
    assert request(front)[0].getheader("X-Cache") == "HIT"
    article.unpublish()
    response, body = request(front)
    assert (response.getheader("X-Cache"), titles(body)) == ("MISS", ["Almaty"])


def test_previews_and_errors_are_never_kept(front):
    _homes, indexes = make_trees()
    article = make_article(indexes["en"], "Astana", slug="astana")
    token = draft_token(article, title="Astana (draft)")
    preview = graphql_path(
        'query($t: String) { newsArticle(locale: "en", slug: "astana", token: $t) { title } }',
        {"t": token},
    )
    error = graphql_path('{ newsArticles(locale: "xx") { items { title } } }')
    for path in (preview, error):
        for _ in range(2):
            response, _ = request(front, path=path)
            assert response.getheader("X-Cache") == "MISS", path


def test_answers_with_a_key_or_a_session_are_never_kept(front):
    make_trees()
    for headers in ({"Authorization": "Bearer otk_nosuchkey"}, {"Cookie": "sessionid=abc"}):
        for _ in range(2):
            response, _ = request(front, headers=headers)
            assert response.getheader("X-Cache") == "MISS", headers


def test_only_the_cms_hosts_may_purge(front):
    response, body = request(front, "PURGE", "/", {"xkey-purge": "page:1"}, source="127.0.0.2")
    assert response.status == 403 and b"not allowed" in body
    response, _ = request(front, "PURGE", "/", {"xkey-purge": "page:1"})
    assert response.status == 200
    response, _ = request(front, "PURGE", "/")
    assert response.status == 400


# The flood guard (deploy/varnish/default.vcl, `throttle_rate`): 20 API requests reaching
# the CMS in 2 seconds per client address. Each test uses addresses of its own.
TYPENAME = json.dumps({"query": "{ __typename }"})


def post_query(base, forwarded_for=None, source="127.0.0.1"):
    headers = {"Content-Type": "application/json"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    return request(base, "POST", "/graphql/", headers, source, body=TYPENAME)


def test_a_flood_from_one_address_is_refused_at_the_edge(front):
    answers = [post_query(front, "192.0.2.10") for _ in range(40)]
    statuses = [response.status for response, _ in answers]
    assert statuses[:20] == [200] * 20  # a burst of 20 reaches the CMS
    refused = [(response, body) for response, body in answers if response.status == 429]
    assert len(refused) >= 10, statuses  # the bucket refills at 10 a second: not all 20
    response, body = refused[0]
    assert json.loads(body)["errors"][0]["extensions"] == {"code": "RATE_LIMITED", "retryAfter": 1}
    assert response.getheader("Content-Type") == "application/json"
    assert response.getheader("Retry-After") == "1"
    assert response.getheader("Cache-Control") == "no-store"
    assert response.getheader("RateLimit-Policy") == '20;w=2;comment="at the edge"'
    # Another reader behind the same proxy is not affected.
    assert post_query(front, "192.0.2.11")[0].status == 200


def test_the_forwarded_address_counts_only_from_a_trusted_proxy(front):
    # 127.0.0.2 is no proxy of the VCL's `trusted_proxies`: a new X-Forwarded-For on every
    # request does not make it a new client.
    answers = [post_query(front, f"198.51.100.{n}", source="127.0.0.2") for n in range(40)]
    assert sum(response.status == 429 for response, _ in answers) >= 10
    # Through the trusted proxy, what the client itself wrote before it is ignored.
    spoofed = [post_query(front, f"198.51.100.{n}, 192.0.2.20") for n in range(40)]
    assert sum(response.status == 429 for response, _ in spoofed) >= 10


def test_cache_hits_are_not_counted(front):
    make_trees()
    answers = [request(front, headers={"X-Forwarded-For": "192.0.2.30"}) for _ in range(40)]
    assert [response.status for response, _ in answers] == [200] * 40
    assert answers[-1][0].getheader("X-Cache") == "HIT"


def test_partners_keys_have_a_larger_allowance(front):
    headers = {"Authorization": "Bearer otk_nosuchkey", "X-Forwarded-For": "192.0.2.40"}
    statuses = [request(front, headers=headers)[0].status for _ in range(60)]
    assert set(statuses) == {401}  # all answered by the CMS, none refused at the edge
