"""Translators cannot publish: their translations go to a chief editor.

Translators have no publish permission, but wagtail-localize publishes
translations from three places that do not all ask for it, and none starts a
workflow. Each is covered here (wired in wagtail_hooks.py):

1. The translation editor's Publish button (the page edit view, taken over by
   wagtail-localize's `before_edit_page` hook) checks only `can_publish()`.
   Our hook runs first and answers a publish, or the "Submit for review"
   button we add to the editor, from a user who may not publish by submitting
   the translation to the page's workflow (newsroom.review).
2. "Sync translated pages" with "Publish immediately" checks only the
   `submit_translation` permission: its URL is served by a subclass that
   publishes only when the user may publish every target, and otherwise
   updates them and submits the pages for review.
3. "Convert to alias page" puts the source's content live at once: refused to
   users who may not publish the page.

"Translate this page" publishes nothing: WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
is off, so new translations start as drafts.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.views import convert
from wagtail_localize.views.update_translations import UpdateTranslationsView

from newsroom.review import ReviewError, page_translation, submit_for_review, user_can_publish

SUBMIT_ACTION = "newsroom-submit-for-review"  # the button in templates/wagtail_localize/…


def _submit(request, translation):
    try:
        page = submit_for_review(translation, request.user)
    except ReviewError as error:
        messages.error(request, str(error))
        return False
    messages.success(
        request,
        _("'%(title)s' in %(locale)s was submitted to a chief editor for review.")
        % {
            "title": page.get_admin_display_title(),
            "locale": translation.target_locale.get_display_name(),
        },
    )
    return True


def submit_instead_of_publishing(request, page):
    """`before_edit_page` hook: a translation's publish becomes a submission for review."""
    if request.method != "POST":
        return None
    action = request.POST.get("action")
    if action not in ("publish", SUBMIT_ACTION):
        return None
    translation = page_translation(page)
    if translation is None:
        return None
    if action == "publish" and user_can_publish(request.user, page):
        return None  # a chief editor publishes directly
    _submit(request, translation)
    return redirect(request.get_full_path())


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", publishing only for those who may."""

    def form_valid(self, form):
        translations = list(
            self.object.translations.filter(enabled=True).select_related("target_locale")
        )
        if not form.cleaned_data["publish_translations"] or self._may_publish(translations):
            return super().form_valid(form)
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        for translation in translations:
            if isinstance(self._target(translation), Page):
                _submit(self.request, translation)
        return response

    def _may_publish(self, translations):
        return all(
            target is None or user_can_publish(self.request.user, target)
            for target in map(self._target, translations)
        )

    @staticmethod
    def _target(translation):
        try:
            return translation.get_target_instance()
        except ObjectDoesNotExist:
            return None


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for those who may publish the page."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)
