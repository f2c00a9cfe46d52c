"""Requests per client on the public API (`/graphql/`, `/feeds/`, `/syndication/`).

Who is counted:

- a request with a valid partner API key counts against its partner
  (`API_PARTNER_RATE_LIMIT`, default 1200 a minute): the key was checked by
  `syndication.auth.ApiKeyMiddleware`, which runs before this middleware and puts the
  client on the request (a request with an invalid key got its 401 there);
- any other request counts against its client's IP address (`API_RATE_LIMIT`, default 300
  a minute); an IPv6 address is counted by its /64, the network of one subscriber (a
  client is handed 2^64 addresses: counted one by one, it would have no limit).

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
the end of the window) and `RateLimit-Policy` (`300;w=60`).

Strategy: a fixed window (`limits.FixedWindowRateLimiter`). Each client costs one counter
with an expiry, bumped by one atomic INCR per request (a Lua script in Redis), whatever the
limit; the moving window keeps a timestamp per request (up to 1,200 per partner) and scans
them on each hit, so a flood from many addresses would cost memory and Redis time in
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
from limits.strategies import FixedWindowRateLimiter

logger = logging.getLogger(__name__)

RATE_LIMITED = "RATE_LIMITED"
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


def policy_header(item):
    """`300;w=60`: the quota and its window in seconds (RateLimit-Policy)."""
    return f"{item.amount};w={item.get_expiry()}"


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
        self.partner_limit = parse_limit("API_PARTNER_RATE_LIMIT")
        self.proxies = parse_proxies(settings.CMS_TRUSTED_PROXIES)
        self.storage = make_storage(storage_uri())
        self.limiter = FixedWindowRateLimiter(self.storage)
        self.storage_down_until = 0.0

    def __call__(self, request):
        if not request.path.startswith(self.paths):
            return self.get_response(request)
        client = getattr(request, CLIENT_ATTR, None)
        if client is not None:
            item, who, what = self.partner_limit, f"partner:{client.pk}", "for this API key"
        else:
            address = client_address(request, self.proxies)
            item, who, what = self.anonymous_limit, f"ip:{client_key(address)}", "from one address"
        counted = self.hit(item, who)
        if counted is None:  # the storage is down: served, unlimited
            return self.get_response(request)
        allowed, remaining, reset = counted
        now = time.time()
        if allowed:
            response = self.get_response(request)
        else:
            retry_after = max(1, seconds_until(reset, now))
            response = too_many_requests(
                f"Too many requests: at most {item.amount} per {describe_window(item)} {what}. "
                f"Retry in {retry_after} seconds.",
                retry_after,
            )
        response["RateLimit-Limit"] = str(item.amount)
        response["RateLimit-Remaining"] = str(remaining)
        response["RateLimit-Reset"] = str(seconds_until(reset, now))
        response["RateLimit-Policy"] = policy_header(item)
        return response

    def hit(self, item, who):
        """(allowed, remaining, reset timestamp), or None when the storage cannot be reached."""
        if time.monotonic() < self.storage_down_until:
            return None
        try:
            allowed = self.limiter.hit(item, who)
            stats = self.limiter.get_window_stats(item, who)
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
        return allowed, max(0, stats.remaining), stats.reset_time


def describe_window(item):
    """ "minute", "10 seconds": the window of a limit, for people."""
    name = item.GRANULARITY.name
    return name if item.multiples == 1 else f"{item.multiples} {name}s"
