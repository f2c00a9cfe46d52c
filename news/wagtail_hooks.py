from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.models import NewsCategory


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


register_snippet(NewsCategoryViewSet)


@hooks.register("register_schema_query")
def register_news_queries(query_mixins):
    from news.schema import NewsQuery

    query_mixins.append(NewsQuery)
