"""Stable identifiers of articles and images for anyone who keeps copies (feeds, ninjs).

A partner or feed reader stores an item under its id and later updates or
cancels it by the same id. The canonical URL is no good for that: it changes
with the slug. So one language version of an article is named by a tag URI
(RFC 4151) built from what never changes: the page's `translation_key`, shared
by all its language versions, and the language code. The versions of one
article thus have ids that differ only in their last part, and a withdrawn or
deleted page can still be named from the two values alone.

The authority part (`ARTICLE_URI_AUTHORITY`, "<domain>,<year>") must be a
domain the organisation held in that year; it must never change once partners
hold ids.
"""

from django.conf import settings

from cms.api.context import language_code as code_of_locale


def authority():
    return settings.ARTICLE_URI_AUTHORITY


def article_uri(translation_key, language_code):
    """`tag:otandas.kz,2025:article:<translation key>:<language>`, one per language version."""
    return f"tag:{authority()}:article:{translation_key}:{language_code}"


def page_article_uri(page):
    return article_uri(page.translation_key, code_of_locale(page.locale_id))


def image_uri(image):
    """Images are shared by every language version, so their id has no language."""
    return f"tag:{authority()}:image:{image.pk}"


def feed_uri(language_code, category=None):
    """A news feed's Atom id: per locale, and per category by its translation key."""
    tail = f":category:{category.translation_key}" if category is not None else ""
    return f"tag:{authority()}:feed:news:{language_code}{tail}"
