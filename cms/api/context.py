"""A per-request scope for values every resolver may need (locales, preloaded images).

`RequestScopeMiddleware` opens the scope for each request and closes it
afterwards, so nothing leaks from one request to the next in a long-lived
worker. Outside a request (management commands, the worker) nothing is cached.
"""

import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# Put on the request by the rate limits (cms.rate_limits) when they are on: called by the
# GraphQL view with a query's cost before it runs; returns None, or the error to answer.
QUERY_COST_CHARGER_ATTR = "charge_query_cost"

_scope: ContextVar[dict | None] = ContextVar("otandas_api_request_scope", default=None)


def request_id_for(request):
    """The request's id: the one already given to it (`cms.access_log`), else the client's
    `X-Request-ID` when it is a sane one, else a new id."""
    existing = getattr(request, "request_id", None)
    if existing:
        return existing
    incoming = request.headers.get("X-Request-ID", "")
    return incoming if REQUEST_ID_PATTERN.match(incoming) else uuid.uuid4().hex


@contextmanager
def request_scope():
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def request_cache(key, factory):
    """`factory()`, computed once per request."""
    store = _scope.get()
    if store is None:
        return factory()
    if key not in store:
        store[key] = factory()
    return store[key]


def scope_store():
    """The current request's dict, or None outside a request."""
    return _scope.get()


def locales_by_code():
    from wagtail.models import Locale

    return request_cache(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


SCRIPT_VARIANT_KEY = "script_variant"


def set_script_variant(variant):
    """Serve this request's text of the variant's base locale in its script, e.g. "kk-Latn"
    (`cms.api.scripts`)."""
    store = _scope.get()
    if store is not None:
        store[SCRIPT_VARIANT_KEY] = variant


def script_variant():
    """The request's script variant ("kk-Latn"), or None."""
    store = _scope.get()
    return store.get(SCRIPT_VARIANT_KEY) if store is not None else None


def language_code(locale_id):
    """The code a reader sees for a locale: its script variant's in a request for one."""
    codes = request_cache(
        "locale_codes", lambda: {loc.pk: code for code, loc in locales_by_code().items()}
    )
    code = codes[locale_id]
    variant = script_variant()
    if variant is not None and settings.CMS_SCRIPT_VARIANTS[variant] == code:
        return variant
    return code


class RequestScopeMiddleware:
    """Opens the request scope around every request (GraphQL, feeds, syndication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope():
            return self.get_response(request)
