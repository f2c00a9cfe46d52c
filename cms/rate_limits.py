"""Requests per client on the public API (`/graphql/`, `/feeds/`, `/syndication/`).

Two budgets per client: requests, and the cost of the GraphQL queries they run (the
measure of `GRAPHQL_MAX_COST`, `cms.api.limits`: a field costs 1, a list its page size
times its fields), so that a client cannot spend its 300 requests on the costliest
queries. The cost is charged when the view knows it, after validation and before
execution (the view calls what this middleware puts on the request); an answer from the
response cache costs nothing.

Who is counted:

- a request with a valid partner API key counts against its partner
  (`API_PARTNER_RATE_LIMIT`, default 1200 a minute; `API_PARTNER_COST_LIMIT`, 240,000),
  or the quotas set on its client in the admin: the key was checked by
  `syndication.auth.ApiKeyMiddleware`, which runs before this middleware and puts the
  client on the request (a request with an invalid key got its 401 there, uncounted);
- any other request counts against its client's IP address (`API_RATE_LIMIT`, default 300
  a minute; `API_COST_LIMIT`, 5,000 per 10 seconds); an IPv6 address is counted by its
  /64, the network of one subscriber (a client is handed 2^64 addresses: counted one by
  one, it would have no limit).

The client's address is `REMOTE_ADDR`, unless that is one of `CMS_TRUSTED_PROXIES` (our
load balancer, CDN: addresses or networks); then it is the right-most address of
`X-Forwarded-For` that is not a trusted proxy, the last one a proxy of ours saw. What a
client writes in `X-Forwarded-For` itself is ignored: from an untrusted peer the header
is not read at all, and behind our proxies only the entries they appended count. An entry
that is not an IP address stops the walk at the proxy that forwarded it.

Over the limit, HTTP 429 with `Retry-After` (seconds) and a body in the API's error shape
(GraphQL's `errors`, also used by the feeds and partner endpoints for their 401):
`{"errors": [{"message": ..., "extensions": {"code": "RATE_LIMITED", "retryAfter": N}}]}`.
Every answer under the paths, refused or not, says where the client stands in the IETF
draft's headers: `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds to
the end of the window) and `RateLimit-Policy` (`300;w=60, 5000;w=10;comment="query
cost"`).

Strategy: fixed windows aligned to the clock (a minute's window starts at :00). Each
budget of a client is one counter per window in the `limits` storage, bumped by one
atomic INCR with an expiry (a Lua script in Redis) that also returns the count: one round
trip per request, one more for a query's cost, and the reset time is the window's end,
known without asking. A moving window would keep a timestamp per request and scan them
on each hit, so a flood from many addresses would cost memory and Redis time in
proportion to the limit. The price: a client can send up to twice its limit around the
end of one window and the start of the next, acceptable for a guard against abuse (this
is no billing meter). A refused request does not extend the window: a client that keeps
hammering is let in again when its window ends.

Storage: Redis at `REDIS_URL` when it is set, shared by every process and server;
otherwise `memory://`, which is per process: with N gunicorn workers a client may make N
times the limit (each worker counts its own). If Redis cannot be reached, requests are
served without a limit (fail open) and a warning is logged, never a 500; it is asked again
after `STORAGE_RETRY_SECONDS`, so a dead Redis costs one short timeout per period rather than
one per request.

`API_RATE_LIMIT_ENABLED=0` turns all of it off (the middleware leaves the chain).
"""

import functools
import ipaddress
import json
import logging
import math
import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from limits import parse
from limits.errors import StorageError
from limits.storage import storage_from_string

from cms.api import metrics
from cms.api.context import QUERY_COST_CHARGER_ATTR
from cms.api.errors import RATE_LIMITED, ApiError

logger = logging.getLogger(__name__)

# Set on the request by syndication.auth.ApiKeyMiddleware (its CLIENT_ATTR): the partner's
# client of a valid key, or None. Read by name: the wiring in cms/ does not need the app.
CLIENT_ATTR = "syndication_client"
KEY_PREFIX = "otandas-ratelimit"
# Redis is asked at most this long (connect, then each command) before the request is
# served unlimited; after a failure it is left alone this many seconds.
STORAGE_TIMEOUT_SECONDS = 0.25
STORAGE_RETRY_SECONDS = 5.0
IPV6_PREFIX = 64


def storage_uri():
    """Redis when REDIS_URL is set (shared by every process), else this process's memory."""
    return settings.REDIS_URL or "memory://"


def make_storage(uri):
    """A `limits` storage raising StorageError (not the driver's errors) when it fails."""
    if uri.startswith(("redis://", "rediss://", "redis+unix://")):
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        return storage_from_string(
            uri,
            wrap_exceptions=True,
            key_prefix=KEY_PREFIX,
            socket_connect_timeout=STORAGE_TIMEOUT_SECONDS,
            socket_timeout=STORAGE_TIMEOUT_SECONDS,
            # redis-py retries a failed command 10 times by default: a request would wait.
            retry=Retry(NoBackoff(), 0),
        )
    return storage_from_string(uri, wrap_exceptions=True)


def parse_limit(setting):
    value = getattr(settings, setting)
    try:
        return parse(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f'{setting}={value!r} is not a rate limit such as "300/minute".'
        ) from exc


@functools.lru_cache(maxsize=256)
def per_minute(amount):
    """A partner's own quota (its client's fields in the admin)."""
    return parse(f"{amount}/minute")


def parse_proxies(entries):
    """CMS_TRUSTED_PROXIES: addresses ("10.0.0.5") or networks ("10.0.0.0/8")."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"CMS_TRUSTED_PROXIES: {entry!r} is not an IP address or network."
            ) from exc
    return tuple(networks)


def parse_address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def is_trusted(address, proxies):
    return address is not None and any(address in network for network in proxies)


def client_address(request, proxies):
    """The client's IP address (see the module's docstring), as a string."""
    remote = request.META.get("REMOTE_ADDR", "")
    peer = parse_address(remote)
    if not is_trusted(peer, proxies):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:
            return str(peer)  # garbage forwarded by the last trusted proxy: count that one
        if not is_trusted(address, proxies):
            return str(address)
        peer = address
    return str(peer)  # every hop is one of ours: the request started inside


def request_client_address(request):
    """The client's address by CMS_TRUSTED_PROXIES; also django-axes' (AXES_CLIENT_IP_CALLABLE),
    so the admin's lockout and the API's limits agree on who a client is."""
    return client_address(request, parse_proxies(settings.CMS_TRUSTED_PROXIES))


def client_key(address):
    """What an address is counted by: itself, or the /64 of an IPv6 address."""
    parsed = parse_address(address)
    if parsed is None:
        return address or "unknown"
    if parsed.version == 6 and parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return str(parsed)


def policy_header(requests, cost):
    """`300;w=60, 5000;w=10;comment="query cost"`: the quotas and their windows in
    seconds (RateLimit-Policy)."""
    return (
        f"{requests.amount};w={requests.get_expiry()}, "
        f'{cost.amount};w={cost.get_expiry()};comment="query cost"'
    )


def seconds_until(timestamp, now):
    return max(0, math.ceil(timestamp - now))


def too_many_requests(message, retry_after):
    body = {
        "errors": [
            {"message": message, "extensions": {"code": RATE_LIMITED, "retryAfter": retry_after}}
        ]
    }
    response = HttpResponse(json.dumps(body), status=429, content_type="application/json")
    response["Retry-After"] = str(retry_after)
    # A cache in front must never hand one client's refusal to the next.
    patch_cache_control(response, no_store=True)
    return response


class RateLimitMiddleware:
    def __init__(self, get_response):
        if not settings.API_RATE_LIMIT_ENABLED:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.paths = tuple(settings.API_RATE_LIMIT_PATHS)
        self.anonymous_limit = parse_limit("API_RATE_LIMIT")
        self.anonymous_cost_limit = parse_limit("API_COST_LIMIT")
        self.partner_limit = parse_limit("API_PARTNER_RATE_LIMIT")
        self.partner_cost_limit = parse_limit("API_PARTNER_COST_LIMIT")
        self.proxies = parse_proxies(settings.CMS_TRUSTED_PROXIES)
        self.storage = make_storage(storage_uri())
        self.storage_down_until = 0.0

    def __call__(self, request):
        if not request.path.startswith(self.paths):
            return self.get_response(request)
        client = getattr(request, CLIENT_ATTR, None)
        if client is not None:
            who, what = f"partner:{client.pk}", "for this API key"
            requests = self.own_quota(client.requests_per_minute, self.partner_limit)
            cost = self.own_quota(client.query_cost_per_minute, self.partner_cost_limit)
        else:
            address = client_address(request, self.proxies)
            who, what = f"ip:{client_key(address)}", "from one address"
            requests, cost = self.anonymous_limit, self.anonymous_cost_limit
        counted = self.charge(requests, who)
        if counted is None:  # the storage is down: served, unlimited
            return self.get_response(request)
        allowed, remaining, reset = counted
        now = time.time()
        if allowed:
            charge_cost = functools.partial(self.charge_query_cost, cost, f"cost:{who}", what)
            setattr(request, QUERY_COST_CHARGER_ATTR, charge_cost)
            response = self.get_response(request)
        else:
            metrics.RATE_LIMIT_REFUSALS.labels("requests").inc()
            retry_after = max(1, seconds_until(reset, now))
            response = too_many_requests(
                f"Too many requests: at most {requests.amount} per {describe_window(requests)} "
                f"{what}. Retry in {retry_after} seconds.",
                retry_after,
            )
        response["RateLimit-Limit"] = str(requests.amount)
        response["RateLimit-Remaining"] = str(remaining)
        response["RateLimit-Reset"] = str(seconds_until(reset, now))
        response["RateLimit-Policy"] = policy_header(requests, cost)
        return response

    @staticmethod
    def own_quota(amount, default):
        return default if amount is None else per_minute(amount)

    def charge_query_cost(self, item, who, what, cost):
        """Called by the GraphQL view with a query's cost before it runs: None to run it,
        else the error to answer (HTTP 429)."""
        counted = self.charge(item, who, cost)
        if counted is None or counted[0]:
            return None
        metrics.RATE_LIMIT_REFUSALS.labels("cost").inc()
        retry_after = max(1, seconds_until(counted[2], time.time()))
        return ApiError(
            RATE_LIMITED,
            f"Too much query cost: at most {item.amount} per {describe_window(item)} {what} "
            f"(this query costs {cost}). Retry in {retry_after} seconds.",
            retryAfter=retry_after,
        )

    def charge(self, item, who, cost=1):
        """Add `cost` to the client's counter of this window: (allowed, remaining, reset
        timestamp), or None when the storage cannot be reached. A refused query's cost
        (more than one) is given back: a cheaper one may still fit."""
        if time.monotonic() < self.storage_down_until:
            return None
        window = item.get_expiry()
        now = time.time()
        start = int(now // window) * window
        reset = start + window
        key = f"{who}:{window}:{start}"
        try:
            used = self.storage.incr(key, math.ceil(reset - now) + 1, cost)
            if used > item.amount and cost > 1:  # INCRBY: the storages have no DECRBY
                used = self.storage.incr(key, 1, -cost) + cost
        except StorageError as exc:
            self.storage_down_until = time.monotonic() + STORAGE_RETRY_SECONDS
            logger.warning(
                "Rate limits not applied: their storage cannot be reached (%s: %s); "
                "requests are served unlimited, tried again in %s s.",
                type(exc.storage_error).__name__,
                exc.storage_error,
                STORAGE_RETRY_SECONDS,
            )
            return None
        return used <= item.amount, max(0, item.amount - used), reset


def describe_window(item):
    """ "minute", "10 seconds": the window of a limit, for people."""
    name = item.GRANULARITY.name
    return name if item.multiples == 1 else f"{item.multiples} {name}s"
