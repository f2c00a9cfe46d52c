"""Requests per client on the API paths (cms/rate_limits.py): real `limits`, real Redis."""

import json
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory

from cms.rate_limits import RateLimitMiddleware, client_address, client_key, parse_proxies
from tests.ports import free_port
from tests.syndication.syndication_helpers import bearer, make_client, make_key

pytestmark = pytest.mark.django_db

QUERY = "{ __typename }"
ALICE = "203.0.113.7"
BOB = "198.51.100.23"
PROXY = "10.0.0.1"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@pytest.fixture
def limited(settings):
    """The limiter on (cms.settings.test turns it off), small limits, memory storage."""
    settings.API_RATE_LIMIT_ENABLED = True
    settings.API_RATE_LIMIT = "3/minute"
    settings.API_PARTNER_RATE_LIMIT = "5/minute"
    settings.API_COST_LIMIT = "100/minute"
    settings.API_PARTNER_COST_LIMIT = "200/minute"
    settings.CMS_TRUSTED_PROXIES = []
    settings.REDIS_URL = ""
    return settings


def post(client, ip=ALICE, headers=None):
    return client.post(
        "/graphql/",
        json.dumps({"query": QUERY}),
        content_type="application/json",
        headers=headers or {},
        REMOTE_ADDR=ip,
    )


def statuses(client, times, ip=ALICE, headers=None):
    return [post(client, ip, headers).status_code for _ in range(times)]


def assert_refused(response, limit):
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 1 <= retry_after <= 60
    (error,) = response.json()["errors"]
    assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": retry_after}
    assert f"at most {limit} per minute" in error["message"]
    assert response["RateLimit-Limit"] == str(limit)
    assert response["RateLimit-Remaining"] == "0"
    assert 1 <= int(response["RateLimit-Reset"]) <= 60
    assert "no-store" in response["Cache-Control"]
    return error


def test_the_request_over_the_limit_is_refused_with_its_headers_and_code(client, limited):
    answers = [post(client) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert [answer.json() for answer in answers] == [{"data": {"__typename": "Query"}}] * 3
    # Successful answers say where the client stands, too.
    assert [answer["RateLimit-Remaining"] for answer in answers] == ["2", "1", "0"]
    assert {answer["RateLimit-Limit"] for answer in answers} == {"3"}
    assert {answer["RateLimit-Policy"] for answer in answers} == {
        '3;w=60, 100;w=60;comment="query cost"'
    }
    assert all(0 < int(answer["RateLimit-Reset"]) <= 60 for answer in answers)

    refused = post(client)
    error = assert_refused(refused, 3)
    assert "from one address" in error["message"]
    assert refused["Content-Type"] == "application/json"
    assert post(client).status_code == 429  # and stays refused for the window


def test_another_address_has_its_own_quota(client, limited):
    assert statuses(client, 4, ALICE) == [200, 200, 200, 429]
    bob = post(client, BOB)
    assert bob.status_code == 200
    assert bob["RateLimit-Remaining"] == "2"
    assert post(client, ALICE).status_code == 429


def test_one_quota_for_every_api_path_and_none_elsewhere(client, limited):
    assert statuses(client, 3) == [200, 200, 200]
    for path in ("/feeds/en/news.rss", "/syndication/changes.json"):
        response = client.get(path, REMOTE_ADDR=ALICE)
        assert_refused(response, 3)
    health = client.get("/healthz", REMOTE_ADDR=ALICE)
    assert health.status_code == 200
    assert "RateLimit-Limit" not in health


def test_a_partner_key_has_its_own_quota(client, limited):
    first, second = make_client("First"), make_client("Second")
    first_key, second_key = bearer(make_key(first)), bearer(make_key(second))
    assert statuses(client, 4) == [200, 200, 200, 429]  # the address is spent...

    # ...its partner is not: counted per partner, at the partner's limit.
    answers = [post(client, headers=first_key) for _ in range(5)]
    assert [answer.status_code for answer in answers] == [200] * 5
    assert answers[0]["RateLimit-Limit"] == "5"
    assert answers[-1]["RateLimit-Remaining"] == "0"
    error = assert_refused(post(client, headers=first_key), 5)
    assert "for this API key" in error["message"]
    # The same partner from elsewhere shares its quota; another partner does not.
    assert post(client, BOB, headers=first_key).status_code == 429
    assert post(client, headers=second_key).status_code == 200
    # The partner's requests took nothing from anyone's address.
    assert post(client, BOB)["RateLimit-Remaining"] == "2"


LIST = '{ newsArticles(locale: "en", perPage: 20) { items { title } } }'


def post_query(client, query, ip=ALICE, headers=None):
    return client.post(
        "/graphql/",
        json.dumps({"query": query}),
        content_type="application/json",
        headers=headers or {},
        REMOTE_ADDR=ip,
    )


@pytest.mark.parametrize("storage", ["memory", "redis"])
def test_the_cost_of_queries_has_its_own_budget(client, limited, trees, storage, request):
    limited.API_RATE_LIMIT = "50/minute"
    if storage == "redis":
        limited.REDIS_URL = request.getfixturevalue("redis_server").url
    first = post_query(client, LIST)
    cost = int(first["X-GraphQL-Cost"])
    assert 100 // 3 < cost <= 50  # two fit in the budget of 100, not three
    second = post_query(client, LIST)
    assert second.status_code == 200
    refused = post_query(client, LIST)
    assert refused.status_code == 429
    (error,) = refused.json()["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["retryAfter"] == int(refused["Retry-After"]) >= 1
    assert f"at most 100 per minute from one address (this query costs {cost})" in error["message"]
    assert "no-store" in refused["Cache-Control"]
    # What refused it was the cost: requests are left, and cheap queries still run.
    assert refused["RateLimit-Remaining"] == "47"
    assert post_query(client, "{ __typename }").status_code == 200
    # Another address has its own budget.
    assert post_query(client, LIST, BOB).status_code == 200


def test_a_partner_has_the_quotas_set_on_its_client(client, limited, trees):
    partner = make_client("Agency", locales_=("en",))
    partner.requests_per_minute = 2
    partner.save()
    key = bearer(make_key(partner))
    answers = [post(client, headers=key) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[0]["RateLimit-Limit"] == "2"
    assert answers[0]["RateLimit-Policy"] == '2;w=60, 200;w=60;comment="query cost"'

    wide = make_client("Wide", locales_=("en",))
    wide.query_cost_per_minute = 10
    wide.save()
    wide_key = bearer(make_key(wide))
    refused = post_query(client, LIST, headers=wide_key)  # costs more than 10
    assert refused.status_code == 429
    assert "for this API key" in refused.json()["errors"][0]["message"]
    assert refused["RateLimit-Limit"] == "5"  # the default request quota still applies


def test_an_invalid_key_is_refused_before_it_is_counted(client, limited):
    response = post(client, headers=bearer("otk_not-a-key"))
    assert response.status_code == 401
    assert post(client)["RateLimit-Remaining"] == "2"


def test_forwarded_for_is_ignored_from_an_untrusted_peer(client, limited):
    spoofed = [{"X-Forwarded-For": f"192.0.2.{n}"} for n in range(4)]
    assert [post(client, ALICE, headers).status_code for headers in spoofed] == [
        200,
        200,
        200,
        429,
    ]


def test_forwarded_for_is_honoured_from_a_trusted_proxy(client, limited):
    limited.CMS_TRUSTED_PROXIES = ["10.0.0.0/8"]
    # Our proxy appends the address it saw; what the client wrote before it is ignored.
    spoofing_alice = [{"X-Forwarded-For": f"192.0.2.{n}, {ALICE}"} for n in range(4)]
    assert [post(client, PROXY, headers).status_code for headers in spoofing_alice] == [
        200,
        200,
        200,
        429,
    ]
    # Bob behind the same proxy, through a second proxy of ours, has his own quota.
    bob = post(client, PROXY, headers={"X-Forwarded-For": f"{BOB}, 10.0.0.2"})
    assert bob.status_code == 200
    assert bob["RateLimit-Remaining"] == "2"
    # The proxy's own address is not spent by its clients.
    assert post(client, PROXY)["RateLimit-Remaining"] == "2"


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        (ALICE, "", ALICE),
        (ALICE, "192.0.2.1", ALICE),  # an untrusted peer: the header is not read
        (PROXY, "", PROXY),  # from the proxy itself
        (PROXY, f"192.0.2.1, {ALICE}", ALICE),  # right-most untrusted entry
        (PROXY, f"{ALICE}, 10.0.0.9, 10.0.0.2", ALICE),  # through several proxies of ours
        (PROXY, "10.0.0.9, 10.0.0.2", "10.0.0.9"),  # all ours: it started inside
        (PROXY, f"{ALICE}, not-an-address", PROXY),  # garbage stops the walk at our proxy
        (PROXY, f"{ALICE} , , 2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(settings, remote, forwarded, expected):
    request = RequestFactory().get(
        "/graphql/", REMOTE_ADDR=remote, headers={"X-Forwarded-For": forwarded}
    )
    assert client_address(request, parse_proxies(["10.0.0.0/8"])) == expected


def test_ipv6_addresses_are_counted_by_their_network():
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::9")
    assert client_key("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key("::ffff:203.0.113.7") == ALICE
    assert client_key(ALICE) == ALICE


def test_the_window_resets(client, limited):
    limited.API_RATE_LIMIT = "3/second"
    assert statuses(client, 3) == [200, 200, 200]
    refused = post(client)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "1"
    assert refused["RateLimit-Policy"] == '3;w=1, 100;w=60;comment="query cost"'
    deadline = time.monotonic() + 3  # the window is one second; bounded, whatever happens
    while (answer := post(client)).status_code == 429 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert answer.status_code == 200
    assert answer["RateLimit-Remaining"] == "2"


def test_off_when_disabled(client, limited):
    limited.API_RATE_LIMIT_ENABLED = False
    answers = [post(client) for _ in range(6)]
    assert [answer.status_code for answer in answers] == [200] * 6
    assert "RateLimit-Limit" not in answers[-1]


def test_a_bad_limit_is_a_configuration_error(limited):
    limited.API_RATE_LIMIT = "lots"
    with pytest.raises(ImproperlyConfigured, match="API_RATE_LIMIT"):
        RateLimitMiddleware(lambda request: None)


# Redis: a throwaway server on a free port, its files under the tests' var/.


class RedisServer:
    def __init__(self):
        import redis

        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder = tempfile.mkdtemp(prefix="redis-", dir=django_settings.VAR_DIR)
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", self.folder],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.client.close()

    def close(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def redis_server():
    if not Path(REDIS_SERVER).exists():
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer()
    yield server
    server.close()


SECOND_PROCESS = """
import sys
import django
django.setup()
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
settings.API_RATE_LIMIT_ENABLED = True
settings.API_RATE_LIMIT = "3/minute"
settings.CMS_TRUSTED_PROXIES = []
settings.REDIS_URL = sys.argv[1]
from cms.rate_limits import RateLimitMiddleware
middleware = RateLimitMiddleware(lambda request: HttpResponse("ok"))
for _ in range(2):
    response = middleware(RequestFactory().post("/graphql/", REMOTE_ADDR=sys.argv[2]))
    print(response.status_code, response["RateLimit-Remaining"])
"""


def test_processes_share_their_limits_in_redis(limited, redis_server):
    limited.REDIS_URL = redis_server.url
    # Another process (its own interpreter, its own connection) spends two of Alice's three.
    other = subprocess.run(
        [sys.executable, "-c", SECOND_PROCESS, redis_server.url, ALICE],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=django_settings.BASE_DIR,
        check=True,
    )
    assert other.stdout.split("\n")[:2] == ["200 2", "200 1"]
    # Two server processes here: two test clients, each its own middleware and connection.
    first, second = Client(), Client()
    answer = post(first)
    assert answer.status_code == 200
    assert answer["RateLimit-Remaining"] == "0"
    assert_refused(post(second), 3)
    assert post(second, BOB).status_code == 200
    # Counters are kept under the project's prefix, one per budget and window (requests,
    # and the cost of the queries that ran), and expire with their window.
    keys = {
        key.decode().rsplit(":", 2)[0] for key in redis_server.client.keys("otandas-ratelimit:*")
    }
    assert keys == {
        f"otandas-ratelimit:{budget}ip:{address}"
        for budget in ("", "cost:")
        for address in (ALICE, BOB)
    }
    ttls = [redis_server.client.ttl(key) for key in redis_server.client.keys("otandas-ratelimit:*")]
    assert all(0 < ttl <= 61 for ttl in ttls)


def test_requests_are_served_when_redis_is_down(client, limited, redis_server, caplog):
    limited.REDIS_URL = redis_server.url
    assert post(client)["RateLimit-Remaining"] == "2"
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="cms.rate_limits"):
        answers = [post(client) for _ in range(5)]
    # Served (over the limit, even: fail open), never a 500, without limit headers.
    assert [answer.status_code for answer in answers] == [200] * 5
    assert "RateLimit-Limit" not in answers[-1]
    warnings = [r for r in caplog.records if r.name == "cms.rate_limits"]
    assert len(warnings) == 1  # then left alone for a few seconds, not one per request
    assert warnings[0].levelno == logging.WARNING
    assert "cannot be reached" in warnings[0].getMessage()


def test_requests_are_served_when_redis_never_was_there(client, limited, caplog):
    limited.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"
    with caplog.at_level(logging.WARNING, logger="cms.rate_limits"):
        started = time.monotonic()
        answer = post(client)
        elapsed = time.monotonic() - started
    assert answer.status_code == 200
    assert answer.json() == {"data": {"__typename": "Query"}}
    assert elapsed < 2
    assert any("cannot be reached" in r.getMessage() for r in caplog.records)
