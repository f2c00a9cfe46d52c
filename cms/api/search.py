"""Search inside a list, with the list's order and LIMIT in the search backend's own query.

The list's queryset carries filters the search backend cannot check (visibility
paths, untranslated pages, categories through a join): it goes in as a
subquery on ids, never as a list of matched ids, and the page is sliced from the
backend's results, so the database stops after the page (by date) or ranks
inside one query (by relevance) instead of materialising every match.
"""

import graphene
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import class_is_indexed

from .errors import bad_input


class SearchOrder(graphene.Enum):
    """How search results are sorted."""

    DATE = "date"
    RELEVANCE = "relevance"

    @property
    def description(self):
        if self == SearchOrder.DATE:
            return "Newest first, like the list itself; pages can be read on with `after`."
        return "Best match first (page numbers only)."


def backend_for(locale=None):
    """The search backend, set up for the locale's language when it can be
    (`languages.search.LanguageSearchBackend`: stemming per language on PostgreSQL)."""
    backend = get_search_backend()
    for_language = getattr(backend, "for_language", None)
    if locale is not None and for_language is not None:
        return for_language(locale.language_code)
    return backend


def search_in(queryset, text, locale=None, by_relevance=False, operator=None):
    """The backend's results for `text` within `queryset`: in the queryset's own order (its
    order fields must be search FilterFields), or by relevance. Sliceable and countable."""
    model = queryset.model
    if not class_is_indexed(model):
        raise bad_input("This list cannot be searched.", argument="searchQuery")
    order = queryset.query.order_by
    source = model._default_manager.filter(pk__in=queryset.order_by().values("pk"))
    if issubclass(model, Page):
        source = source.specific()
    source = source.order_by(*order) if order and not by_relevance else source
    return backend_for(locale).search(
        text, source, operator=operator, order_by_relevance=by_relevance
    )


class TextSearch:
    """A search to run within a list (`cms.api.pagination.paginate`)."""

    def __init__(self, text, locale=None, order=SearchOrder.DATE, operator=None):
        self.text = text
        self.locale = locale
        # graphene hands over the enum's member, or its value when defaulted
        self.by_relevance = getattr(order, "value", order) == SearchOrder.RELEVANCE.value
        self.operator = operator

    def results(self, queryset):
        return search_in(queryset, self.text, self.locale, self.by_relevance, self.operator)

    def countable(self, queryset):
        """The same matches in the list's order: counting them ranks nothing."""
        return search_in(queryset, self.text, self.locale, False, self.operator)
