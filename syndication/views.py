"""Partner-only REST endpoints: one article as ninjs, and the change feed as JSON.

`syndication.auth.ApiKeyMiddleware` has already refused invalid keys; these views
refuse requests without one (401). An article outside the client's scope is a
404, exactly like one that does not exist: a partner learns nothing about what
it may not see.
"""

import json

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from cms.api.errors import BAD_USER_INPUT, NOT_FOUND, ApiError
from cms.api.locales import get_locale
from syndication.auth import client_of, error_response
from syndication.feed import encode_cursor, entry_json, read_changes
from syndication.ninjs import article_ninjs
from syndication.scope import scoped_articles

NINJS_VERSIONS = ("3.1", "1.6")
NINJS_CONTENT_TYPE = "application/json"


def json_response(data, content_type="application/json"):
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type=f"{content_type}; charset=utf-8"
    )


def partners_only(view):
    """401 without a client; API errors (bad input) as JSON, never a traceback."""

    def wrapped(request, *args, **kwargs):
        client = client_of(request)
        if client is None:
            return error_response("Partners only: send `Authorization: Bearer <your API key>`.")
        try:
            return view(request, client, *args, **kwargs)
        except ApiError as error:
            status = 404 if error.code == NOT_FOUND else 400
            return error_response(error.message, status=status, code=error.code)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return require_safe(wrapped)


def ninjs_version(request):
    version = request.GET.get("version", NINJS_VERSIONS[0])
    if version not in NINJS_VERSIONS:
        raise ApiError(BAD_USER_INPUT, f"Unknown ninjs version {version!r}. Use one of: 3.1, 1.6.")
    return version


@partners_only
def article_ninjs_view(request, client, locale, slug):
    """`/syndication/ninjs/<locale>/<slug>.json`: the article in ninjs (`?version=1.6`)."""
    version = ninjs_version(request)
    missing = ApiError(NOT_FOUND, f"No article {slug!r} in locale {locale!r} for this client.")
    try:
        content_locale = get_locale(locale)  # "kk-Latn" too
    except ApiError:
        raise missing from None  # a path with a locale we do not have: no such resource
    page = (
        scoped_articles(client)
        .filter(locale=content_locale, slug=slug)
        .select_related("country")
        .first()
    )
    if page is None:
        raise missing
    return json_response(article_ninjs(page, version=version), NINJS_CONTENT_TYPE)


@partners_only
def changes_view(request, client):
    """`/syndication/changes.json?after=&first=`: the GraphQL feed as plain JSON."""
    version = ninjs_version(request)
    first = request.GET.get("first", "50")
    if not first.isdigit():
        raise ApiError(BAD_USER_INPUT, "`first` must be a positive whole number.")
    after = request.GET.get("after") or None
    entries, has_next = read_changes(client, after, int(first))
    return json_response(
        {
            "changes": [entry_json(entry, version) for entry in entries],
            "hasNextPage": has_next,
            "endCursor": encode_cursor(entries[-1].sequence) if entries else after,
        }
    )
