"""Persisted GETs answered from the response cache before the rest of the stack.

A breaking story sends the app audience to the same few persisted GETs. Their answers
are in the response cache (`cms.api.response_cache`), but reaching the GraphQL view costs
sessions, CSRF, authentication, messages, URL resolving and graphene's request parsing
for nothing: a hit needs only the request's language and one cache read. This
middleware, placed after the API key and rate limit middleware (a hit still counts
against the budget), answers a GET that names its document by hash (Apollo's
`extensions`, no `query`) from the cache when it can, with the headers the view would
send; anything else, and any miss, goes on to the view, which stores the answer.
"""

import json

from django.conf import settings
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from graphene_django.views import GraphQLView as BaseGraphQLView

from . import http_cache, metrics, persisted_queries, response_cache
from .context import request_id_for


def persisted_hash(request):
    """The SHA-256 a persisted GET names (None for any other request)."""
    if request.method != "GET" or "query" in request.GET or "documentId" in request.GET:
        return None
    try:
        persisted = json.loads(request.GET["extensions"])["persistedQuery"]
    except (KeyError, TypeError, ValueError):
        return None
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        return None
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or not persisted_queries.SHA256.match(digest):
        return None
    return digest


def graphql_variables(request):
    """The `variables` parameter as graphene-django reads it; raises ValueError if bad."""
    variables = request.GET.get("variables")
    if variables:
        variables = json.loads(variables)
    return variables


def operation_name(request):
    name = request.GET.get("operationName")
    return None if name == "null" else name or None


def wants_graphiql(request):
    """graphene-django's own test: such a request gets GraphiQL, never a cached answer."""
    return settings.GRAPPLE.get("EXPOSE_GRAPHIQL") and BaseGraphQLView.can_display_graphiql(
        request, {}
    )


class ResponseCacheHitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # The language is worked out, and the response marked, as for any other request
        # (the project's LocaleMiddleware differs from Django's for 404s only).
        self.locale = LocaleMiddleware(get_response)
        self.path = None

    def __call__(self, request):
        if self.path is None:
            self.path = reverse("grapple_graphql")
        response = None
        if request.path_info == self.path and response_cache.enabled():
            response = self.answer_from_cache(request)
        return response if response is not None else self.get_response(request)

    def answer_from_cache(self, request):
        digest = persisted_hash(request)
        if digest is None or "Authorization" in request.headers or wants_graphiql(request):
            return None
        try:
            variables = graphql_variables(request)
        except ValueError:
            return None  # the view explains what is wrong
        self.locale.process_request(request)
        key = response_cache.graphql_key(
            digest, operation_name(request), variables, request.get_host()
        )
        entry = response_cache.lookup(key)
        if entry is None:
            return None  # the view looks it up again, and counts the miss
        metrics.RESPONSE_CACHE.labels("hit").inc()
        request.graphql_operation_name = operation_name(request)
        return self.locale.process_response(request, self.hit_response(request, entry))

    @staticmethod
    def hit_response(request, entry):
        request.surrogate_keys = entry.keys
        request.answer_expires_at = entry.expires_at
        response = HttpResponse(entry.body, content_type="application/json")
        response = http_cache.apply(request, response, had_errors=False)
        response["X-Response-Cache"] = "HIT"
        response["X-Request-ID"] = request_id_for(request)
        return response
