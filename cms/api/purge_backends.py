"""Telling the caches in front of the CMS which answers to drop.

Answers carry their surrogate keys in three headers (`cms.api.http_cache`): `xkey`
(Varnish with vmod-xkey), `Surrogate-Key` (Fastly) and `Cache-Tag` (Cloudflare). When
content changes, `response_cache.purge` hands the same keys here, and a background task
(`purge_in_front`, on the worker's queue, so an editor's publish never waits on a CDN)
asks every backend of `CACHE_PURGE_BACKENDS` to drop them:

    varnish:<url>        PURGE <url> with `xkey-purge: <keys>` (deploy/varnish/default.vcl)
    fastly:<service id>  POST /service/<id>/purge, `Surrogate-Key: <keys>` (FASTLY_API_TOKEN)
    cloudflare:<zone id> POST /zones/<id>/purge_cache {"tags": [...]} (CLOUDFLARE_API_TOKEN)

Keys go in batches (a header of at most `HEADER_BUDGET` characters; Cloudflare takes 30
tags a call). A backend that fails is logged and the others still run: what it keeps
goes stale for at most `GRAPHQL_CACHE_SHARED_MAX_AGE` seconds, never for ever.
CloudFront has no purge by tag: it is deployed with a short s-maxage (README, Caching).
"""

import logging
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core import checks
from django_tasks import task

from . import metrics

logger = logging.getLogger(__name__)

HEADER_BUDGET = 4_000  # characters of keys in one header (Varnish's default limit is 8 KB)
CLOUDFLARE_TAGS_PER_CALL = 30


class PurgeFailed(Exception):
    pass


@dataclass(frozen=True)
class Backend:
    kind: str
    target: str

    @classmethod
    def parse(cls, spec):
        kind, _, target = spec.partition(":")
        if kind not in PURGERS or not target:
            raise ValueError(
                f"CACHE_PURGE_BACKENDS: {spec!r} is not kind:target "
                f"(kinds: {', '.join(sorted(PURGERS))})"
            )
        return cls(kind, target)

    def purge(self, keys):
        PURGERS[self.kind](self.target, keys)

    def __str__(self):
        return f"{self.kind}:{self.target}"


@checks.register(checks.Tags.caches)
def check_backends(**kwargs):
    errors = []
    for spec in settings.CACHE_PURGE_BACKENDS:
        try:
            Backend.parse(spec)
        except ValueError as exc:
            errors.append(checks.Error(str(exc), id="otandas.E010"))
    return errors


def configured_backends():
    return [Backend.parse(spec) for spec in settings.CACHE_PURGE_BACKENDS]


def batches_by_length(keys, budget=HEADER_BUDGET):
    """Space-separated key lists, each at most `budget` characters."""
    batch, length = [], 0
    for key in keys:
        if batch and length + 1 + len(key) > budget:
            yield batch
            batch, length = [], 0
        batch.append(key)
        length += len(key) + (1 if length else 0)
    if batch:
        yield batch


def batches_by_count(keys, size):
    for start in range(0, len(keys), size):
        yield keys[start : start + size]


def _send(method, url, **kwargs):
    response = requests.request(method, url, timeout=settings.CACHE_PURGE_TIMEOUT, **kwargs)
    if response.status_code >= 300:
        raise PurgeFailed(f"{method} {url}: HTTP {response.status_code} {response.text[:200]}")
    return response


def purge_varnish(url, keys):
    for batch in batches_by_length(keys):
        _send("PURGE", url, headers={"xkey-purge": " ".join(batch)})


def purge_fastly(service_id, keys):
    url = f"{settings.FASTLY_API_URL}/service/{service_id}/purge"
    for batch in batches_by_length(keys):
        _send(
            "POST",
            url,
            headers={"Fastly-Key": settings.FASTLY_API_TOKEN, "Surrogate-Key": " ".join(batch)},
        )


def purge_cloudflare(zone_id, keys):
    url = f"{settings.CLOUDFLARE_API_URL}/zones/{zone_id}/purge_cache"
    headers = {"Authorization": f"Bearer {settings.CLOUDFLARE_API_TOKEN}"}
    for batch in batches_by_count(keys, CLOUDFLARE_TAGS_PER_CALL):
        response = _send("POST", url, headers=headers, json={"tags": batch})
        if response.json().get("success") is False:
            raise PurgeFailed(f"POST {url}: {response.json().get('errors')}")


PURGERS = {"varnish": purge_varnish, "fastly": purge_fastly, "cloudflare": purge_cloudflare}


# Before the worker's other tasks: readers see a stale list until it runs, and a publish can
# leave hundreds of rendition and index tasks queued (on a bench import, 600).
PURGE_PRIORITY = 50


@task(priority=PURGE_PRIORITY)
def purge_in_front(keys):
    """Ask every configured backend to drop these keys; returns the backends that failed."""
    failed = []
    for backend in configured_backends():
        try:
            backend.purge(keys)
        except (requests.RequestException, PurgeFailed) as exc:
            logger.error("cache purge failed on %s (%d keys): %s", backend, len(keys), exc)
            metrics.PURGES.labels(backend.kind, "failed").inc()
            failed.append(str(backend))
        else:
            metrics.PURGES.labels(backend.kind, "sent").inc()
    return failed


def purge(keys):
    """Queue the purge of these keys in front (nothing to do without backends)."""
    if settings.CACHE_PURGE_BACKENDS and keys:
        purge_in_front.enqueue(sorted(keys))
