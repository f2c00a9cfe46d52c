"""IPTC ninjs documents of news articles: what partners' newsroom systems import.

Two versions: 3.1 (current: camelCase, arrays of objects with roles) and 1.6
(older systems: lowercase names, objects keyed by name). Both are written from
one set of facts gathered here, so they never disagree; `syndication.ninjs_formats`
writes them.

Identity: `uri` is the tag URI of `news.identity`, one per language version
(translation key + language). It survives slug changes and republishing, so a
partner updates the item it holds when the same uri comes again, and removes it
when that uri comes with `pubStatus: canceled` (`withdrawn_ninjs`, which needs
only the translation key and the language, so it works for deleted pages too).
The other language versions are associations with their own uris
(`rel: translation`); the web address is an altId with role `url`.

Roles: headline `main`; description `summary` (the lead); body `main` (the
article without its fact boxes) and body `factbox` (each "Reference" box as an
`<aside>`); hero image association `featureimage` with renditions `thumbnail`,
`preview` and `web`, all allow-listed sizes.

The partner endpoint serving these (`/syndication/ninjs/<locale>/<slug>.json`)
checks API keys and scope elsewhere; the builders trust their caller.
"""

from collections.abc import Mapping

from django.utils import timezone

from cms.api.context import language_code, request_cache
from cms.api.paths import canonical_url
from cms.api.scripts import transliterate
from cms.api.translations import translations_of
from home.models import PublishingSettings
from news.html import body_html, fact_boxes, rendition_info
from news.identity import article_uri, authority, image_uri, page_article_uri
from syndication import ninjs_formats

VERSIONS = ("3.1", "1.6")
IMAGE_RENDITIONS = [("thumbnail", "fill-320x180"), ("preview", "width-640"), ("web", "width-1280")]


def _writer(version):
    if version not in VERSIONS:
        raise ValueError(f"Unknown ninjs version {version!r}; use one of {', '.join(VERSIONS)}.")
    return ninjs_formats.WRITERS[version]


def _hero(page):
    image = page.hero_image_for_reader()
    if image is None:
        return None
    renditions = []
    for name, spec in IMAGE_RENDITIONS:
        info = rendition_info(image, spec)
        renditions.append({"name": name, **info})
    return {
        "uri": image_uri(image),
        "alt": transliterate(page.hero_alt),
        "caption": transliterate(page.hero_caption),
        "credit": transliterate(page.hero_credit),
        "renditions": renditions,
    }


def _translations(page):
    result = []
    for other in translations_of(page):
        code = language_code(other.locale_id)
        result.append(
            {
                "language": code,
                "uri": article_uri(other.translation_key, code),
                "url": canonical_url(other, code),
            }
        )
    return sorted(result, key=lambda item: item["language"])


def article_facts(page):
    """Everything a ninjs document says about an article, independent of the version."""
    page = page.specific
    code = language_code(page.locale_id)
    publishing = request_cache("publishing_settings", PublishingSettings.load)
    now = timezone.now()
    country = page.country_for_reader()
    return {
        "uri": page_article_uri(page),
        "language": code,
        "version": str(page.live_revision_id) if page.live_revision_id else None,
        "first_created": page.first_published_at or now,
        "version_created": page.last_published_at or now,
        "title": transliterate(page.title),
        "lead": transliterate(page.lead),
        "body": body_html(page, include_fact_boxes=False),
        "fact_boxes": fact_boxes(page),
        "byline": transliterate(page.byline),
        "dateline": transliterate(page.dateline),
        "source": page.source,
        "source_url": page.source_url,
        "categories": [
            {
                "name": transliterate(category.name),
                "scheme": f"tag:{authority()}:news-category",
                "code": str(category.translation_key),
            }
            for category in page.category_list()
        ],
        "country": {"name": transliterate(country.name), "code": country.code} if country else None,
        "organisation": publishing.organisation_name,
        "copyright_notice": publishing.copyright_notice,
        "usage_terms": publishing.usage_terms,
        "url": canonical_url(page, code),
        "translation_key": str(page.translation_key),
        "page_id": str(page.pk),
        "hero": _hero(page),
        "translations": _translations(page),
    }


def article_ninjs(page, version="3.1"):
    """A news article page as a ninjs document of `version` ("3.1" or "1.6")."""
    return _writer(version).article(article_facts(page))


def withdrawn_ninjs(page_or_fields=None, version="3.1", **fields):
    """The minimal document that cancels an item a partner holds.

    Takes a page, or its facts as a mapping and/or keywords: `translation_key`
    and `locale` (language code) are needed; `url`, `page_id` and
    `withdrawn_at` (a datetime, default now) are optional.
    """
    if page_or_fields is not None and not isinstance(page_or_fields, Mapping):
        page = page_or_fields
        code = language_code(page.locale_id)
        found = {
            "translation_key": page.translation_key,
            "locale": code,
            "url": canonical_url(page, code),
            "page_id": page.pk,
        }
    else:
        found = dict(page_or_fields or {})
    found.update(fields)
    facts = {
        "uri": article_uri(found["translation_key"], found["locale"]),
        "language": found["locale"],
        "version_created": found.get("withdrawn_at") or timezone.now(),
        "url": found.get("url") or None,
        "translation_key": str(found["translation_key"]),
        "page_id": str(found["page_id"]) if found.get("page_id") is not None else None,
    }
    return _writer(version).withdrawn(facts)
