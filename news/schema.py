"""The news queries of the delivery API."""

import graphene
from grapple.registry import registry

from cms.api.errors import bad_input, not_found
from cms.api.fallbacks import with_fallback
from cms.api.locales import get_locale
from cms.api.lookahead import selected_fields
from cms.api.pagination import page_arguments, paginate, paginated_type
from cms.api.preview import preview_page
from cms.api.search import SearchOrder, TextSearch
from news.models import NewsArticlePage, NewsCategory
from news.queries import article_queryset, filter_articles


def article_type():
    return registry.pages[NewsArticlePage]


def category_type():
    return registry.snippets[NewsCategory]


NewsArticlePaginated = paginated_type(
    "NewsArticlePaginated",
    article_type,
    "A page of news articles, newest first, with where it stands in the whole list.",
)


class NewsQuery(graphene.ObjectType):
    news_articles = graphene.Field(
        graphene.NonNull(NewsArticlePaginated),
        locale=graphene.String(required=True, description="Language code, e.g. kk, ru, en."),
        category=graphene.String(description="A category's slug in this locale."),
        country=graphene.String(description="An ISO 3166 country code, e.g. JP."),
        tag=graphene.String(description="A tag's name or slug."),
        search_query=graphene.String(description="Words to search for in the articles."),
        search_order=SearchOrder(
            default_value=SearchOrder.DATE.value,
            description="How search results are sorted: DATE (newest first, the default) "
            "or RELEVANCE.",
        ),
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
        search_order=SearchOrder.DATE.value,
        page=1,
        per_page=20,
        after=None,
    ):
        locale_obj = get_locale(locale)
        queryset = article_queryset(locale_obj, include_untranslated, selected_fields(info))
        queryset = filter_articles(queryset, locale_obj, category, country, tag)
        search = None
        if search_query is not None:
            text = search_query.strip()
            if not text:
                raise bad_input("`searchQuery` must not be empty.", argument="searchQuery")
            search = TextSearch(text, locale_obj, search_order)
        return paginate(queryset, page, per_page, info, after=after, search=search)

    def resolve_news_article(self, info, locale, slug, token=None):
        if token:
            return preview_page(token, NewsArticlePage)
        article = with_fallback(
            lambda loc: article_queryset(loc, include_untranslated=True).filter(slug=slug).first(),
            get_locale(locale),
        )
        if article is None:
            raise not_found(f"The article {slug!r} in locale {locale!r}")
        return article

    def resolve_news_categories(self, info, locale):
        return NewsCategory.objects.filter(locale=get_locale(locale)).order_by("name")
