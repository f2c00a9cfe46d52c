"""A cache of whole answers any reader would get, purged by surrogate key.

An answer is stored when it is public (no `Authorization`, no preview token), has no
error and its root fields are not null: keyed by what changes it (the document, the
operation, the variables, the host and the language; for a feed, its URL), with the
surrogate keys of what it contains (`cms.api.surrogate_keys`). A change to content
purges its keys (`purge`, from `cms.api.cache_signals`): here, and in the CDN or Varnish
in front (`cms.api.purge_backends`), which gets the same keys in `xkey`,
`Surrogate-Key` and `Cache-Tag` headers.

- Storage: the `default` cache. On Redis, each key's answers are a Redis set, so a purge
  deletes exactly them; on an in-process cache (tests, a single process) the index is
  in the process too. With several processes and no Redis the cache stays off
  (`GRAPHQL_RESPONSE_CACHE`, on when `REDIS_URL` is set).
- An answer computed while a purge of one of its keys happened is not stored (it may
  have read the content before the change).
- An answer lives `GRAPHQL_RESPONSE_CACHE_TTL` seconds at most, and never past the next
  scheduled go-live or expiry of any page (`seconds_to_next_scheduled_change`).
"""

import hashlib
import json
import logging
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db.models import Min
from django.utils import timezone, translation
from wagtail.models import Page, Revision

from . import purge_backends

logger = logging.getLogger("cms.api.response_cache")

ENTRY_PREFIX = "rc:entry:"
PURGED_PREFIX = "rc:purged:"
INDEX_PREFIX = "rc:index:"
# A purge this close before an answer started may not be visible to it yet: the clocks of
# the process that purged and the one answering may differ by that much.
PURGE_MARGIN_NS = 50_000_000


@dataclass(frozen=True)
class Entry:
    body: str
    keys: tuple
    expires_at: float  # time.time() when it goes
    headers: tuple = ()  # (name, value) to send again with it (a feed's Last-Modified...)


def enabled():
    return bool(settings.GRAPHQL_RESPONSE_CACHE)


def backend():
    return caches["default"]


def entry_key(*parts):
    """The cache key of an answer: a hash of everything that changes it."""
    material = json.dumps(
        [*parts, translation.get_language()], sort_keys=True, separators=(",", ":"), default=str
    )
    return ENTRY_PREFIX + hashlib.sha256(material.encode()).hexdigest()


def graphql_key(document_hash, operation_name, variables, host):
    """The key of a GraphQL answer, by its document's SHA-256 (the view's and
    `cms.api.cache_hits`'s). Whether only trusted documents run is part of it: turning
    that on must not leave answers to other documents to be served."""
    return entry_key(
        "graphql",
        document_hash,
        operation_name,
        variables,
        host,
        bool(settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY),
    )


def lookup(key):
    entry = backend().get(key)
    return entry if isinstance(entry, Entry) else None


def now_ns():
    return time.time_ns()


def store(key, entry, started_ns, ttl):
    """Keep `entry` for `ttl` seconds, unless one of its keys was purged since it started."""
    if ttl <= 0:
        return False
    cache = backend()
    purged = cache.get_many([PURGED_PREFIX + k for k in entry.keys])
    if any(value >= started_ns - PURGE_MARGIN_NS for value in purged.values()):
        return False
    cache.set(key, entry, ttl)
    index().add(key, entry.keys, ttl)
    return True


def purge(keys):
    """Forget every answer with one of `keys`, here and in the caches in front."""
    keys = sorted(set(keys))
    if not keys:
        return
    if enabled():
        cache = backend()
        marker_ttl = settings.GRAPHQL_RESPONSE_CACHE_TTL + 60
        cache.set_many({PURGED_PREFIX + k: now_ns() for k in keys}, marker_ttl)
        cache.delete_many(index().pop(keys))
    purge_backends.purge(keys)


def seconds_to_next_scheduled_change():
    """Until the next scheduled go-live or expiry of a page (None: none is scheduled)."""
    now = timezone.now()
    moments = [
        Revision.page_revisions.filter(approved_go_live_at__gt=now).aggregate(
            at=Min("approved_go_live_at")
        )["at"],
        Page.objects.filter(live=True, expire_at__gt=now).aggregate(at=Min("expire_at"))["at"],
    ]
    moments = [moment for moment in moments if moment is not None]
    if not moments:
        return None
    return max(0, int((min(moments) - now).total_seconds()))


def answer_ttl():
    """How long an answer made now may be kept: the TTL, cut at the next scheduled change."""
    ttl = settings.GRAPHQL_RESPONSE_CACHE_TTL
    until = seconds_to_next_scheduled_change()
    return ttl if until is None else min(ttl, until)


# --- which answers have a key ----------------------------------------------------------


class RedisIndex:
    """Each surrogate key's answers as a Redis set (on the cache's own Redis)."""

    def __init__(self, cache):
        self.cache = cache

    def _client(self):
        return self.cache._cache.get_client(write=True)

    def add(self, key, surrogate_keys, ttl):
        stored_key = self.cache.make_and_validate_key(key)
        pipeline = self._client().pipeline()
        for surrogate in surrogate_keys:
            index_key = self.cache.make_and_validate_key(INDEX_PREFIX + surrogate)
            pipeline.sadd(index_key, stored_key)
            pipeline.expire(index_key, ttl + 60)
        pipeline.execute()

    def pop(self, surrogate_keys):
        """Removes the keys' sets; returns nothing to delete through the cache: the answers'
        stored keys are deleted here, in the same round trip."""
        client = self._client()
        index_keys = [self.cache.make_and_validate_key(INDEX_PREFIX + k) for k in surrogate_keys]
        pipeline = client.pipeline()
        for index_key in index_keys:
            pipeline.smembers(index_key)
        members = set().union(*pipeline.execute()) if index_keys else set()
        pipeline = client.pipeline()
        if members:
            pipeline.delete(*members)
        pipeline.delete(*index_keys)
        pipeline.execute()
        return []


class LocalIndex:
    """The same in the process, for an in-process cache."""

    def __init__(self):
        self.lock = threading.Lock()
        self.keys = defaultdict(set)

    def add(self, key, surrogate_keys, ttl):
        with self.lock:
            for surrogate in surrogate_keys:
                self.keys[surrogate].add(key)

    def pop(self, surrogate_keys):
        with self.lock:
            return sorted(set().union(*(self.keys.pop(k, set()) for k in surrogate_keys)))


_local_index = LocalIndex()


def index():
    cache = backend()
    return RedisIndex(cache) if isinstance(cache, RedisCache) else _local_index
