"""Translators cannot publish: their translations go to a chief editor.

Translators have no publish permission, but wagtail-localize publishes
translations from three places that do not all ask for it, and none starts a
workflow. Each is covered here (wired in wagtail_hooks.py):

1. The translation editor's Publish button (the page edit view, taken over by
   wagtail-localize's `before_edit_page` hook) checks only `can_publish()`.
   Our hook runs first and answers a publish from a user who may not publish
   by submitting the translation to the page's workflow (newsroom.review):
   for them the editor's main button says "Submit for review"
   (newsroom.translation_editor). The same hook takes the review actions of a
   translation under review (approve, request changes), from our review bar
   or from the main button of its reviewer, which then says "Approve".
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

from newsroom.review import (
    ReviewError,
    page_translation,
    publish_button_action,
    review,
    submit_for_review,
    user_can_publish,
)

SUBMIT_ACTION = "newsroom-submit-for-review"  # a submission asked for by name
# Wagtail's page editor posts a workflow action as these fields (workflow-action.js, in
# "editor" mode, fills them in); our review bar uses the same script.
WORKFLOW_ACTION = "action-workflow-action"
WORKFLOW_ACTION_NAME = "workflow-action-name"
WORKFLOW_ACTION_DATA = "workflow-action-extra-data"


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


def _review(request, translation, page, action, data="{}"):
    try:
        review(translation, page, request.user, action, data)
    except ReviewError as error:
        messages.error(request, str(error))
        return
    page.refresh_from_db()
    names = {
        "title": page.get_admin_display_title(),
        "locale": translation.target_locale.get_display_name(),
    }
    if action == "approve" and page.live and not page.has_unpublished_changes:
        message = _("'%(title)s' in %(locale)s was approved and published.")
    elif action == "approve":
        message = _("'%(title)s' in %(locale)s was approved.")
    elif action == "reject":
        message = _("You requested changes to '%(title)s' in %(locale)s.")
    else:
        message = _("Your review of '%(title)s' in %(locale)s was recorded.")
    messages.success(request, message % names)


def review_instead_of_publishing(request, page):
    """`before_edit_page` hook, for the translation editor: a publish from a user who
    may not publish becomes a submission for review, a publish from the reviewer of a
    translation under review an approval; the review bar's actions are taken here."""
    if request.method != "POST":
        return None
    action = request.POST.get("action")
    review_action = request.POST.get(WORKFLOW_ACTION) and request.POST.get(WORKFLOW_ACTION_NAME)
    if not review_action and action not in ("publish", SUBMIT_ACTION):
        return None
    translation = page_translation(page)
    if translation is None:
        return None  # Wagtail's own page editor
    if not review_action and action == "publish":
        meaning = publish_button_action(page, request.user)
        if meaning == "publish":
            return None  # a chief editor publishes directly
        if meaning == "approve":
            review_action = "approve"
    if review_action:
        data = request.POST.get(WORKFLOW_ACTION_DATA, "{}")
        _review(request, translation, page, review_action, data)
    else:
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
