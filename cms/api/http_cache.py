"""HTTP caching of GraphQL responses, for apps and for a CDN in front of GETs.

- A `GET` that any reader would get the same answer to (no preview token, no
  partner key, no errors) is `public` for `GRAPHQL_CACHE_MAX_AGE` seconds, with
  an ETag: a client that sends `If-None-Match` with the ETag it holds gets an
  empty `304 Not Modified` when nothing changed, which saves a phone the download.
- A response that shows a draft (a preview token was checked) or depends on a
  partner's key is `private, no-store`: no cache, shared or not, may keep it.
- Errors and `POST`s are `no-store`.

The default max age is 0: caches revalidate every time, so an unpublished or
expired page is never served from a cache. A larger value lets a CDN answer on
its own, at the price of serving a page for up to that long after it was
unpublished: only raise it with a purge on publish in front.
"""

import math
import time

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from .context import scope_store

PRIVATE_KEY = "response_is_private"


def mark_private():
    """This request's response shows what not every reader may see (a draft)."""
    store = scope_store()
    if store is not None:
        store[PRIVATE_KEY] = True


def is_private(request):
    store = scope_store()
    return bool(store and store.get(PRIVATE_KEY)) or "Authorization" in request.headers


def apply(request, response, had_errors):
    """Cache headers for a GraphQL response; a 304 instead when the client's copy is current."""
    if is_private(request):
        patch_cache_control(response, private=True, no_store=True)
        return response
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or had_errors:
        patch_cache_control(response, no_store=True)
        return response
    share(request, response)
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def share(request, response, max_age=None):
    """`Cache-Control` for any cache, and the answer's surrogate keys for those in front.

    Browsers keep it `GRAPHQL_CACHE_MAX_AGE` seconds; shared caches, which are purged by
    key on every change, `GRAPHQL_CACHE_SHARED_MAX_AGE` (and may serve it
    `GRAPHQL_CACHE_STALE_WHILE_REVALIDATE` seconds more while they fetch it again). Neither
    past the moment the response cache gives the answer (the next scheduled change)."""
    max_age = settings.GRAPHQL_CACHE_MAX_AGE if max_age is None else max_age
    shared_max_age = settings.GRAPHQL_CACHE_SHARED_MAX_AGE
    expires_at = getattr(request, "answer_expires_at", None)
    if expires_at is not None:
        left = max(0, math.ceil(expires_at - time.time()))
        max_age, shared_max_age = min(max_age, left), min(shared_max_age, left)
    control = {"public": True, "max_age": max_age}
    if shared_max_age > max_age:
        control["s_maxage"] = shared_max_age
        if settings.GRAPHQL_CACHE_STALE_WHILE_REVALIDATE:
            control["stale_while_revalidate"] = settings.GRAPHQL_CACHE_STALE_WHILE_REVALIDATE
    else:
        control["must_revalidate"] = True
    patch_cache_control(response, **control)
    keys = getattr(request, "surrogate_keys", None)
    if keys:
        response["xkey"] = " ".join(keys)  # Varnish (vmod xkey)
        response["Surrogate-Key"] = " ".join(keys)  # Fastly
        response["Cache-Tag"] = ",".join(keys)  # Cloudflare
