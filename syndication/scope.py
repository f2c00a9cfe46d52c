"""What a partner may see: one rule, used by the change log, the feed and the REST endpoints.

An article is in a client's scope when the client is active and the article is
syndicatable (a page with text of its own: neither an alias nor a page still
showing its source's text, see `languages.models`;
`allow_syndication` on; visible to any reader, see `cms.api.visibility`), in
one of the client's locales and, if the client names categories, in one of them
in any locale (categories are matched by translation key).

The rule is evaluated on `ArticleFacts` read from the database in a few
queries for any number of articles, never on in-memory instances: a signal's
instance may be stale or not yet saved.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from cms.api.paths import canonical_url
from cms.api.visibility import visible_pages
from languages.models import own_text
from news.models import NewsArticleCategory, NewsArticlePage


@dataclass(frozen=True)
class ArticleFacts:
    page_id: int
    locale: str
    translation_key: str
    url: str
    revision_id: int | None
    eligible: bool  # syndicatable by anyone: real page, flag on, visible
    category_keys: frozenset = field(default_factory=frozenset)


def client_covers(client, facts):
    if not (client.active and facts.eligible and facts.locale in client.locales):
        return False
    return not client.categories or bool(facts.category_keys & set(client.categories))


def load_facts(queryset):
    """ArticleFacts by page id for the NewsArticlePages of `queryset`, in three queries."""
    queryset = queryset.order_by()
    eligible_ids = set(
        visible_pages(queryset.filter(own_text(), allow_syndication=True)).values_list(
            "pk", flat=True
        )
    )
    keys = defaultdict(set)
    links = NewsArticleCategory.objects.filter(page__in=queryset.values("pk"))
    for page_id, key in links.values_list("page_id", "category__translation_key"):
        keys[page_id].add(str(key))
    rows = queryset.values_list(
        "pk",
        "locale__language_code",
        "translation_key",
        "url_path",
        "live_revision_id",
    )
    facts = {}
    for pk, code, key, url_path, revision_id in rows:
        facts[pk] = ArticleFacts(
            page_id=pk,
            locale=code,
            translation_key=str(key),
            url=canonical_url(_PathOnly(url_path), code),
            revision_id=revision_id,
            eligible=pk in eligible_ids,
            category_keys=frozenset(keys[pk]),
        )
    return facts


class _PathOnly:
    """What `canonical_url` reads of a page, without loading the page."""

    def __init__(self, url_path):
        self.url_path = url_path


def scoped_articles(client):
    """The client's whole scope as a queryset (no particular order)."""
    if not client.active or not client.locales:
        return NewsArticlePage.objects.none()
    queryset = NewsArticlePage.objects.filter(
        own_text(),
        allow_syndication=True,
        locale__language_code__in=client.locales,
    )
    if client.categories:
        in_categories = NewsArticleCategory.objects.filter(
            page=OuterRef("pk"), category__translation_key__in=client.categories
        )
        queryset = queryset.filter(Exists(in_categories))
    return visible_pages(queryset)


def in_scope(client, page):
    facts = load_facts(NewsArticlePage.objects.filter(pk=page.pk)).get(page.pk)
    return facts is not None and client_covers(client, facts)
