"""A "Translations" column in the page explorer: "kk ✓ ru ⟳ en –" for every row.

Wagtail 8 lets a page type bring its own listing through a `PageViewSet`:
the explorer uses it for a parent page type whose children are all of that
type. So a viewset for articles, programmes and cultural projects adds the
column to the listings of the news, programmes and projects sections, where
translators and chief editors look for work. The statuses of all rows are
worked out at once (newsroom.translation_status.statuses_for), when the
first cell is rendered.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BaseColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView

from newsroom.review_actions import ReviewedPageViewSet
from newsroom.translation_status import IN_SYNC, MISSING, OUT_OF_DATE, SYMBOLS, statuses_for

LABELS = {IN_SYNC: _("in sync"), OUT_OF_DATE: _("out of date"), MISSING: _("not translated")}


class TranslationStatusColumn(BaseColumn):
    cell_template_name = "newsroom/translation_status_cell.html"

    def statuses(self, table):
        """The statuses of every row of `table`, computed once per rendering."""
        cached = getattr(table, "_newsroom_translation_statuses", None)
        if cached is None:
            cached = statuses_for(list(table.data))
            table._newsroom_translation_statuses = cached
        return cached

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["statuses"] = [
            {"code": code, "state": state, "symbol": SYMBOLS[state], "label": LABELS[state]}
            for code, state in self.statuses(parent_context["table"]).get(instance.pk, [])
        ]
        return context


class SectionPageViewSet(ReviewedPageViewSet):
    """The default page listing plus the translation column."""

    columns = [
        *ExplorableIndexView.base_columns,
        TranslationStatusColumn("translations", label=_("Translations"), width="14%"),
    ]


def section_viewsets():
    from news.models import NewsArticlePage
    from partners.models import CulturalProjectPage, ProgrammePage

    return [
        SectionPageViewSet(model=model)
        for model in (NewsArticlePage, ProgrammePage, CulturalProjectPage)
    ]
