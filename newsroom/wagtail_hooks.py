"""Wiring only: the review guards, the dashboard panels, the translation column, the
translation status pages and the page types' viewsets. The "why" is in each module."""

from django.urls import path
from wagtail import hooks

from newsroom import guards, listing, panels, review_actions, views, wagtail_labels

# Before wagtail-localize's hook of the same name, which takes the edit view over
# for translations and would answer a translator's Publish with a 403, and would
# publish a translation under review without recording the review.
hooks.register("before_edit_page", guards.review_instead_of_publishing, order=-10)
hooks.register("construct_homepage_panels", panels.add_panels)


@hooks.register("register_admin_urls", order=-10)
def register_admin_urls():
    """Listed before wagtail-localize's URLs, so that two of its paths reach the guarded
    views (same URLs, same `wagtail_localize:` names for reversing)."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            guards.ReviewedUpdateTranslationsView.as_view(),
            name="newsroom_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            guards.convert_to_alias,
            name="newsroom_convert_to_alias",
        ),
        path(
            "newsroom/translations/<str:locale>/<str:state>/",
            views.TranslationStatusView.as_view(),
            name="newsroom_translation_status",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_page_viewsets():
    sections = listing.section_viewsets()
    return [*sections, *review_actions.page_viewsets(exclude={v.model for v in sections})]


# Menu labels that would otherwise keep the language of the process's first request.
hooks.register("construct_reports_menu", wagtail_labels.relabel_reports_menu)
hooks.register("construct_help_menu", wagtail_labels.relabel_help_menu)
