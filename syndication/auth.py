"""Bearer API keys on the API paths, checked once, before any view runs.

The API's rule (README, "Errors"): an Authorization header with an invalid key is
an error everywhere; a valid key changes nothing for public queries. A middleware is the one place
that sees every API request (GraphQL, feeds, syndication) without those views
knowing about partners (cms/api may not import apps). It:

- lets requests without an Authorization header through untouched;
- answers any other invalid header (wrong scheme, unknown or revoked key,
  inactive client) with HTTP 401 and an UNAUTHENTICATED error, never data;
- puts the client of a valid key on `request.syndication_client`, for the
  partner-only fields and endpoints to check.

Responses to requests carrying a key are marked private: a shared cache or a
CDN must never hand one partner's feed to another.
"""

import json

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from cms.api.errors import UNAUTHENTICATED
from syndication.keys import find_active_key, record_use

CLIENT_ATTR = "syndication_client"


def error_response(message, status=401, code=UNAUTHENTICATED):
    """The API's error shape, for the REST endpoints and the early refusals alike."""
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="otandas"'
    return response


def bearer_token(header):
    """The key from `Bearer <key>`, or None if the header is not of that form."""
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        return None
    return token


def authenticate(request):
    """(client or None, error message or None) for the request's Authorization header."""
    header = request.headers.get("Authorization")
    if header is None:
        return None, None
    token = bearer_token(header)
    if token is None:
        return None, "Send the API key as `Authorization: Bearer <key>`."
    api_key = find_active_key(token)
    if api_key is None:
        return None, "The API key is not valid: it is unknown, revoked or its client is inactive."
    record_use(api_key)
    return api_key.client, None


def client_of(request):
    """The authenticated syndication client of a request, or None."""
    return getattr(request, CLIENT_ATTR, None)


class ApiKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.paths = tuple(settings.API_KEY_PATHS)

    def __call__(self, request):
        if not request.path.startswith(self.paths):
            return self.get_response(request)
        client, error = authenticate(request)
        if error:
            return error_response(error)
        setattr(request, CLIENT_ATTR, client)
        response = self.get_response(request)
        if "Authorization" in request.headers:
            patch_vary_headers(response, ["Authorization"])
            patch_cache_control(response, private=True, no_store=True)
        return response
