from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.admin.views.pages.create import CreateView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news import archive
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage


class NewsCategoryViewSet(SnippetViewSet):
    """Categories of every locale in one list, each row saying its language. The filter by
    language is Wagtail's own locale filter (the list's Filters button, `?locale=kk`),
    which its filter set adds for any translatable model: naming "locale" in `list_filter`
    would replace it with a plain select of Locale rows."""

    model = NewsCategory
    icon = "tag"
    # A lazy label: Wagtail's default one would be translated once, at import.
    list_display = ["name", "slug", LocaleColumn(label=_("Language"))]
    search_fields = ["name", "slug"]
    # The database, not the search index: the model indexes no `slug` to search (a search
    # was a 500), the list is short, and a new category is found before the worker
    # has indexed it; parts of words match too.
    search_backend_name = None


register_snippet(NewsCategoryViewSet)


@hooks.register("register_schema_query")
def register_news_queries(query_mixins):
    from news.schema import NewsQuery

    query_mixins.append(NewsQuery)


@hooks.register("before_create_page")
def create_articles_in_year_folder(request, parent_page, page_class):
    """ "Add child page → News article" on a news index is answered by the form of the
    folder of the current year (created on demand), which also posts there: articles are
    never created under the index, whose room for children would run out (news.archive)."""
    if page_class is not NewsArticlePage or not isinstance(parent_page, NewsIndexPage):
        return None
    folder = archive.current_folder(parent_page, user=request.user)
    return CreateView.as_view()(request, "news", "newsarticlepage", folder.pk)
