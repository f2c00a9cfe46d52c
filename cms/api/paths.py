"""Public URLs of pages, computed without a query.

Each locale's tree hangs under its own home page, so a page's `url_path` is
`/<home-slug>/news/<slug>/`; readers see `/<locale>/news/<slug>/`.
"""

from django.conf import settings


def public_path(page, language_code):
    segments = page.url_path.strip("/").split("/")[1:]
    tail = "/".join(segments)
    return f"/{language_code}/{tail}/" if tail else f"/{language_code}/"


def canonical_url(page, language_code):
    """Absolute URL on the public front end, for feeds and syndication."""
    return settings.FRONTEND_BASE_URL + public_path(page, language_code)
