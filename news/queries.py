"""The news querysets that GraphQL, the feeds, ninjs and the partner endpoints share.

Lists are built here; what each article shows beside its own columns (images,
categories, tags, country, translations) is loaded by the request's loaders
(`cms.api.loaders`) once the articles are shown (`show_articles`).
"""

from cms.api.errors import not_found
from cms.api.loaders import show
from cms.api.visibility import locale_pages
from news.models import NewsArticlePage, NewsCategory


def article_queryset(locale, include_untranslated=False, fields=None):
    """A locale's visible articles, newest first. `fields`: the names the query selects
    (`cms.api.lookahead.selected_fields`), so a list reads nothing it does not show;
    everything when None."""
    queryset = locale_pages(NewsArticlePage, locale, include_untranslated)
    if fields is not None and "body" not in fields:
        queryset = queryset.defer("body")  # the largest column, often not shown in lists
    if fields is None or "country" in fields:
        queryset = queryset.select_related("country")
    return queryset


def show_articles(articles):
    """Mark the articles as shown, so that their relations load for all of them at once."""
    articles = list(articles)
    show(articles)
    return articles


def category_key(locale, slug):
    """A category is named by its slug in the reader's locale and matched in every locale,
    so an article whose categories were never remapped still counts."""
    key = (
        NewsCategory.objects.filter(locale=locale, slug=slug)
        .values_list("translation_key", flat=True)
        .first()
    )
    if key is None:
        raise not_found(f"The category {slug!r} in locale {locale.language_code!r}")
    return key


def filter_articles(queryset, locale, category=None, country=None, tag=None):
    """The list filters of the API and the feeds: values as the reader sees them."""
    if category:
        queryset = queryset.filter(
            categories__category__translation_key=category_key(locale, category)
        )
    if country:
        queryset = queryset.filter(country__code=country.upper())
    if tag:
        queryset = (queryset.filter(tags__slug=tag) | queryset.filter(tags__name=tag)).distinct()
    return queryset
