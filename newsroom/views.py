"""The lists behind the dashboard's translation counts: pages not yet translated into a
locale, and translations into it that are out of date, each with the link to act."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from newsroom.translation_status import (
    MISSING,
    OUT_OF_DATE,
    missing_pages,
    out_of_date_translations,
)

LIMIT = 200
TITLES = {MISSING: _("Not translated into %(locale)s"), OUT_OF_DATE: _("Out of date in %(locale)s")}


def missing_rows(locale):
    """One row per untranslated page, shown in the default locale when it exists there."""
    default = Locale.get_default()
    pages = missing_pages(locale).select_related("locale").order_by("-latest_revision_created_at")
    chosen = {}
    for page in pages[: LIMIT * 3]:
        if page.translation_key not in chosen or page.locale_id == default.pk:
            chosen[page.translation_key] = page
    query = urlencode({"select_locale": locale.language_code})
    return [
        {
            "title": page.get_admin_display_title(),
            "from_locale": page.locale.language_code,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "action_url": reverse("wagtail_localize:submit_page_translation", args=[page.pk])
            + f"?{query}",
            "action_label": _("Translate"),
        }
        for page in list(chosen.values())[:LIMIT]
    ]


def out_of_date_rows(locale):
    translations = out_of_date_translations(locale).select_related("source__locale")
    translations = list(translations.order_by("-source__last_updated_at")[:LIMIT])
    targets = dict(
        Page.objects.filter(
            translation_key__in=[t.source.object_id for t in translations], locale=locale
        ).values_list("translation_key", "pk")
    )
    return [
        {
            "title": translation.source.object_repr,
            "from_locale": translation.source.locale.language_code,
            "edit_url": reverse(
                "wagtailadmin_pages:edit", args=[targets[translation.source.object_id]]
            ),
            "action_url": reverse(
                "wagtail_localize:update_translations", args=[translation.source.pk]
            ),
            "action_label": _("Sync"),
        }
        for translation in translations
        if translation.source.object_id in targets
    ]


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsroom/translation_status.html"
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, locale, state):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        if state not in TITLES:
            raise Http404
        self.locale = get_object_or_404(Locale, language_code=locale)
        self.state = state
        return super().dispatch(request, locale, state)

    def get_page_title(self):
        return TITLES[self.state] % {"locale": self.locale.get_display_name()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = missing_rows(self.locale) if self.state == MISSING else out_of_date_rows(self.locale)
        context.update(rows=rows, locale=self.locale, state=self.state, limit=LIMIT)
        return context
