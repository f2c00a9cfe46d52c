"""Builders shared by the syndication tests: partners, clients, keys, and reading the log."""

from news.models import NewsArticleCategory
from partners.models import Partner
from syndication.keys import create_api_key
from syndication.models import ChangeLogEntry, SyndicationClient
from syndication.scope import scoped_articles
from tests.factories import locales, publish


def make_client(name="Partner site", *, locales_=("kk",), categories=(), active=True):
    partner = Partner.objects.get_or_create(name="Foundation", locale=locales()["kk"])[0]
    return SyndicationClient.objects.create(
        partner=partner,
        name=name,
        locales=list(locales_),
        categories=[str(category.translation_key) for category in categories],
        active=active,
    )


def make_key(client):
    return create_api_key(client)[1]


def bearer(raw_key):
    return {"Authorization": f"Bearer {raw_key}"}


def log(client, after=0):
    """(action, page id) of the client's entries after a sequence, oldest first."""
    entries = ChangeLogEntry.objects.filter(client=client, sequence__gt=after)
    return [(entry.action, entry.page_id) for entry in entries.order_by("sequence")]


def last_sequence(client):
    client.refresh_from_db()
    return client.last_sequence


def set_categories(article, *categories):
    article.categories = [NewsArticleCategory(category=category) for category in categories]
    return publish(article)


def replay(client):
    """What a partner holds after applying its whole feed in order: {page id: url}."""
    held = {}
    for entry in ChangeLogEntry.objects.filter(client=client).order_by("sequence"):
        if entry.action in ("PUBLISHED", "UPDATED"):
            held[entry.page_id] = entry.url
        else:
            held.pop(entry.page_id, None)
    return held


def live_scope(client):
    client.refresh_from_db()
    return set(scoped_articles(client).values_list("pk", flat=True))
