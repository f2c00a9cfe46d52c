"""The news queries of the delivery API."""

from collections import defaultdict

import graphene
from grapple.registry import registry
from taggit.models import Tag

from cms.api.errors import bad_input, not_found
from cms.api.locales import get_locale
from cms.api.lookahead import rendition_specs, selected_fields
from cms.api.pagination import page_arguments, paginate, paginated_type
from cms.api.preload import page_image_ids, preload_images
from cms.api.preview import preview_page
from cms.api.snippets import localize_snippets
from cms.api.translations import load_translations
from cms.api.visibility import locale_pages
from news.models import (
    LOADED_CATEGORIES,
    LOADED_TAGS,
    CategoryItem,
    NewsArticleCategory,
    NewsArticlePage,
    NewsArticleTag,
    NewsCategory,
)


def article_type():
    return registry.pages[NewsArticlePage]


def category_type():
    return registry.snippets[NewsCategory]


NewsArticlePaginated = paginated_type(
    "NewsArticlePaginated",
    article_type,
    "A page of news articles, newest first, with where it stands in the whole list.",
)


def article_queryset(locale, include_untranslated=False):
    return locale_pages(NewsArticlePage, locale, include_untranslated)


def related_instances(queryset, owner, relation, model):
    """(owner id, related instance) for each row of `queryset`, the related object read
    through `relation` in the same query, one instance per distinct object however many
    rows share it (cheaper than `select_related`, which makes two instances per row)."""
    names = [field.attname for field in model._meta.concrete_fields]
    pk = names.index(model._meta.pk.attname)
    rows = queryset.values_list(owner, *(f"{relation}__{name}" for name in names))
    shared, pairs = {}, []
    for owner_id, *values in rows:
        if values[pk] not in shared:
            shared[values[pk]] = model.from_db(queryset.db, names, values)
        pairs.append((owner_id, shared[values[pk]]))
    return pairs


def load_categories_and_tags(articles):
    """Categories and tags of a whole list: two queries (a category link is loaded as a
    light `CategoryItem` holder)."""
    ids = [article.pk for article in articles]
    categories, tags = defaultdict(list), defaultdict(list)
    links = NewsArticleCategory.objects.filter(page_id__in=ids).order_by("sort_order", "pk")
    for page_id, category in related_instances(links, "page_id", "category", NewsCategory):
        categories[page_id].append(CategoryItem(category=category))
    tagged = NewsArticleTag.objects.filter(content_object_id__in=ids)
    for page_id, tag in related_instances(tagged, "content_object_id", "tag", Tag):
        tags[page_id].append(tag)
    for article in articles:
        setattr(article, LOADED_CATEGORIES, categories[article.pk])
        setattr(article, LOADED_TAGS, tags[article.pk])


def prepare_articles(articles, specs=None, fields=None):
    """Load what the article type shows for the whole list at once (see cms.api.preload).

    `specs`: the image renditions to load (all when None); `fields`: the names the
    query selects (`cms.api.lookahead.selected_fields`), so a list loads nothing it
    does not show (everything when None).
    """

    def shown(name):
        return fields is None or name in fields

    image_ids = set()
    for article in articles:
        if article.hero_image_id and shown("heroImage"):
            image_ids.add(article.hero_image_id)
        if "body" not in article.get_deferred_fields():
            image_ids |= page_image_ids(article, "body")
    images = preload_images(image_ids, specs)
    for article in articles:
        if article.hero_image_id and shown("heroImage"):
            article.hero_image = images.get(article.hero_image_id)
    if shown("translations"):
        load_translations(articles)
    if shown("categories") or shown("tags"):
        load_categories_and_tags(articles)
    slots = [(article, "country", article.locale_id) for article in articles]
    if shown("categories"):
        slots += [
            (item, "category", article.locale_id)
            for article in articles
            for item in article.category_items()
        ]
    localize_snippets(slots)
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


def search_ids(locale, text):
    """Ids of the locale's live articles matching `text`, through Wagtail's search backend."""
    matches = (
        NewsArticlePage.objects.live().filter(locale=locale).search(text, order_by_relevance=False)
    )
    return [page.pk for page in matches]


class NewsQuery(graphene.ObjectType):
    news_articles = graphene.Field(
        graphene.NonNull(NewsArticlePaginated),
        locale=graphene.String(required=True, description="Language code, e.g. kk, ru, en."),
        category=graphene.String(description="A category's slug in this locale."),
        country=graphene.String(description="An ISO 3166 country code, e.g. JP."),
        tag=graphene.String(description="A tag's name or slug."),
        search_query=graphene.String(description="Words to search for in the articles."),
        include_untranslated=graphene.Boolean(
            default_value=False,
            description="Also list articles not yet translated into this locale.",
        ),
        **page_arguments(),
        description="Published news articles in one locale, newest first.",
    )
    news_article = graphene.Field(
        article_type,
        locale=graphene.String(required=True, description="Language code, e.g. kk, ru, en."),
        slug=graphene.String(required=True, description="The article's slug in this locale."),
        token=graphene.String(
            description="A preview token: return the draft it was made for instead."
        ),
        description="One published article, by its slug in a locale.",
    )
    news_categories = graphene.List(
        graphene.NonNull(category_type),
        required=True,
        locale=graphene.String(required=True, description="Language code, e.g. kk, ru, en."),
        description="All news categories, named in the locale.",
    )

    def resolve_news_articles(
        self,
        info,
        locale,
        category=None,
        country=None,
        tag=None,
        search_query=None,
        include_untranslated=False,
        page=1,
        per_page=20,
    ):
        locale_obj = get_locale(locale)
        queryset = article_queryset(locale_obj, include_untranslated)
        fields = selected_fields(info)
        if "body" not in fields:
            queryset = queryset.defer("body")  # the largest column, often not shown in lists
        if category:
            queryset = queryset.filter(
                categories__category__translation_key=category_key(locale_obj, category)
            )
        if country:
            queryset = queryset.filter(country__code=country.upper())
        if tag:
            queryset = queryset.filter(tags__slug=tag) | queryset.filter(tags__name=tag)
            queryset = queryset.distinct()
        if search_query is not None:
            text = search_query.strip()
            if not text:
                raise bad_input("`searchQuery` must not be empty.", argument="searchQuery")
            queryset = queryset.filter(pk__in=search_ids(locale_obj, text))
        items, pagination = paginate(queryset, page, per_page, info)
        items = prepare_articles(items, rendition_specs(info), fields)
        return {"items": items, "pagination": pagination}

    def resolve_news_article(self, info, locale, slug, token=None):
        if token:
            return preview_page(token, NewsArticlePage)
        locale_obj = get_locale(locale)
        article = article_queryset(locale_obj, include_untranslated=True).filter(slug=slug).first()
        if article is None:
            raise not_found(f"The article {slug!r} in locale {locale!r}")
        return prepare_articles([article], rendition_specs(info))[0]

    def resolve_news_categories(self, info, locale):
        return NewsCategory.objects.filter(locale=get_locale(locale)).order_by("name")
