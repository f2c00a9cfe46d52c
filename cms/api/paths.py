"""Public URLs of pages, computed without a query.

Each locale's tree hangs under its own home page, so a page's `url_path` is
`/<home-slug>/news/<slug>/`; readers see `/<locale>/news/<slug>/`.
"""

from django.conf import settings


def public_path(page, language_code):
    """`language_code` as the reader sees it: lower case in paths (`/kk-latn/...`)."""
    segments = page.url_path.strip("/").split("/")[1:]
    tail = "/".join(segments)
    prefix = language_code.lower()
    return f"/{prefix}/{tail}/" if tail else f"/{prefix}/"


def canonical_url(page, language_code):
    """Absolute URL on the public front end, for feeds and syndication."""
    return settings.FRONTEND_BASE_URL + public_path(page, language_code)
