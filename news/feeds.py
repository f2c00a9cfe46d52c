"""Public news feeds per locale: RSS 2.0, Atom 1.0 and JSON Feed 1.1.

A feed shows what any reader may see, by the same rule and query as the
GraphQL `newsArticles` list (live, public, real translations in that locale,
newest first). `allow_syndication` plays no part: it governs what partners may
republish, not what the public may read. Items are identified by the stable
tag URI of `news.identity`, so a changed slug is no new item. Responses are
public and cacheable for a few minutes (a CDN in front absorbs the polling),
with an ETag and Last-Modified for conditional requests; like the API's answers,
they are kept in the response cache and carry surrogate keys, so a publish
purges them (`cms.api.response_cache`).
"""

import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.html import escape
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from cms.api import response_cache, surrogate_keys
from cms.api.context import language_code, request_scope
from cms.api.errors import ApiError
from cms.api.http_cache import share
from cms.api.loaders import show
from cms.api.locales import content_languages, get_locale
from cms.api.paths import canonical_url
from cms.api.scripts import split_variant, transliterate
from cms.api.surrogate_keys import tag_list
from home.models import PublishingSettings
from news.feedgen import MediaAtomFeed, MediaRssFeed
from news.html import body_html, rendition_info
from news.identity import feed_uri, page_article_uri
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from news.queries import article_queryset, show_articles

FEED_SIZE = 50
MAX_AGE = 300
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass
class FeedContext:
    """Everything one feed response shows, loaded once."""

    code: str
    title: str
    description: str
    home_url: str
    feed_url: str
    feed_id: str
    organisation: str
    copyright: str
    articles: list


def feed_context(request, code):
    try:
        locale = get_locale(code)
    except ApiError as error:
        raise Http404(error.message) from error
    queryset = article_queryset(locale)
    category = None
    if slug := request.GET.get("category"):
        category = NewsCategory.objects.filter(locale=locale, slug=slug).first()
        if category is None:
            raise Http404(f"No category {slug!r} in locale {code!r}.")
        # By translation key: a copied page may still point at the source locale's category.
        queryset = queryset.filter(
            categories__category__translation_key=category.translation_key
        ).distinct()
    publishing = PublishingSettings.load()
    show([publishing])  # its edits purge the feeds
    name = publishing.organisation_name
    title = gettext("%(name)s — news") % {"name": name}
    if category is not None:
        title = gettext("%(name)s — news: %(category)s") % {"name": name, "category": category}
    index = NewsIndexPage.objects.filter(locale=locale, live=True).first()
    return FeedContext(
        code=code,
        title=title,
        description=gettext("The latest news from %(name)s.") % {"name": name},
        home_url=canonical_url(index, code) if index else f"{settings.FRONTEND_BASE_URL}/{code}/",
        feed_url=request.build_absolute_uri(),
        feed_id=feed_uri(code, category),
        organisation=name,
        copyright=publishing.copyright_notice,
        articles=show_articles(queryset[:FEED_SIZE]),
    )


def article_url(article):
    return canonical_url(article, language_code(article.locale_id))


def hero_media(article):
    image = article.hero_image_for_reader()
    if image is None:
        return None
    media = rendition_info(image)
    alt, credit = transliterate(article.hero_alt), transliterate(article.hero_credit)
    return {**media, "alt": alt, "credit": credit}


def category_names(article):
    return [transliterate(category.name) for category in article.category_list()]


def public_feed(view):
    """GET/HEAD only, in the feed's language, cacheable, answering conditional requests."""

    @require_safe
    @wraps(view)
    def wrapped(request, locale):
        key = None
        if response_cache.enabled() and "Authorization" not in request.headers:
            key = response_cache.entry_key("feed", request.get_host(), request.get_full_path())
            entry = response_cache.lookup(key)
            if entry is not None:
                return conditional(request, cached_response(request, entry))
        started = response_cache.now_ns()
        base, variant = split_variant(locale)
        language = base if base in content_languages() else None
        with translation.override(language), request_scope():
            response = view(request, locale)
            tag_list(NewsArticlePage)
            keys = tuple(surrogate_keys.collect())
        if language:
            response.headers["Content-Language"] = variant or language
        request.surrogate_keys = keys
        if key is not None and response.status_code == 200:
            ttl = response_cache.answer_ttl()
            headers = tuple(
                (name, response[name])
                for name in ("Content-Type", "Content-Language", "Last-Modified")
                if name in response
            )
            entry = response_cache.Entry(
                response.content.decode(), keys, time.time() + ttl, headers
            )
            response_cache.store(key, entry, started, ttl)
            request.answer_expires_at = entry.expires_at
            response["X-Response-Cache"] = "MISS"
        return conditional(request, response)

    return wrapped


def cached_response(request, entry):
    response = HttpResponse(entry.body)
    for name, value in entry.headers:
        response[name] = value
    response["X-Response-Cache"] = "HIT"
    request.surrogate_keys = entry.keys
    request.answer_expires_at = entry.expires_at
    return response


def conditional(request, response):
    """Cache headers (purged by key: `cms.api.http_cache.share`), an ETag, and a 304 for a
    client whose copy is current."""
    if response.status_code == 200:
        share(request, response, max_age=MAX_AGE)
        set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
    return response


class NewsRssFeed(Feed):
    feed_type = MediaRssFeed

    def get_object(self, request, locale):
        return feed_context(request, locale)

    def title(self, ctx):
        return transliterate(ctx.title)

    def description(self, ctx):
        return transliterate(ctx.description)

    subtitle = description

    def link(self, ctx):
        return ctx.home_url

    def feed_url(self, ctx):
        return ctx.feed_url

    def feed_guid(self, ctx):
        return ctx.feed_id

    def author_name(self, ctx):
        return ctx.organisation

    def feed_copyright(self, ctx):
        return ctx.copyright

    def items(self, ctx):
        return ctx.articles

    def item_title(self, article):
        return transliterate(article.title)  # plain text in both formats; the writer escapes it

    def item_description(self, article):
        # Read as HTML by RSS and Atom (type="html") readers.
        return escape(transliterate(article.lead))

    def item_link(self, article):
        return article_url(article)

    def item_guid(self, article):
        return page_article_uri(article)  # stable across slug changes, so not a permalink

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return transliterate(article.byline) or None

    def item_categories(self, article):
        return category_names(article)

    def item_extra_kwargs(self, article):
        return {"content_html": body_html(article), "media": hero_media(article)}


class NewsAtomFeed(NewsRssFeed):
    feed_type = MediaAtomFeed


def json_item(article):
    item = {
        "id": page_article_uri(article),
        "url": article_url(article),
        "title": transliterate(article.title),
        "summary": transliterate(article.lead),
        "content_html": body_html(article),
        "date_published": article.first_published_at.isoformat(),
        "date_modified": article.last_published_at.isoformat(),
        "language": language_code(article.locale_id),
        "tags": category_names(article),
    }
    if article.byline:
        item["authors"] = [{"name": transliterate(article.byline)}]
    if (media := hero_media(article)) is not None:
        item["image"] = media["url"]
    return item


def _news_json(request, locale):
    ctx = feed_context(request, locale)
    feed = {
        "version": JSON_FEED_VERSION,
        "title": ctx.title,
        "home_page_url": ctx.home_url,
        "feed_url": ctx.feed_url,
        "description": ctx.description,
        "language": ctx.code,
        "authors": [{"name": ctx.organisation}],
        "items": [json_item(article) for article in ctx.articles],
    }
    response = JsonResponse(
        feed,
        content_type="application/feed+json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False},
    )
    if ctx.articles:
        latest = max(article.last_published_at for article in ctx.articles)
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return response


news_rss = public_feed(NewsRssFeed())
news_atom = public_feed(NewsAtomFeed())
news_json = public_feed(_news_json)
