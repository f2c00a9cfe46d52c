"""Submitting a wagtail-localize translation for review instead of publishing it.

wagtail-localize's editor keeps a translator's work as string translations and
only writes the target page when someone publishes (`Translation.save_target`),
and its draft save writes the page row, i.e. what is live. A review needs a
draft revision that leaves the live page alone: the target is built in memory
from the translations (as wagtail-localize's preview does), saved as a
revision, and the page's workflow is started or resubmitted, so that a chief
editor approves it, which publishes it.

A chief editor reviews a translation in the same editor, where fixes are string
translations too: approving from it first saves them as a new draft revision
if the translation changed since the submitted draft, as Wagtail's page editor
saves its form before a workflow action when it changed, so that what is
published is what the reviewer saw.
"""

import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationLog,
)


class ReviewError(Exception):
    """Why a translation could not be submitted, in words for the translator."""


def page_translation(page):
    """The enabled wagtail-localize translation whose target is `page`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def submit_for_review(translation, user):
    """Save the translation as a draft of its target page and submit it; returns the
    page. Raises ReviewError when it cannot be submitted."""
    current = translation.get_target_instance()
    perms = current.permissions_for_user(user)
    if not perms.can_edit() or perms.page_locked():
        raise ReviewError(_("This page is locked or under review: it cannot be submitted now."))
    workflow = current.get_workflow()
    if workflow is None:
        raise ReviewError(_("No review workflow covers this page: ask a chief editor."))
    state = current.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ReviewError(_("This translation is already waiting for review."))

    draft = save_draft(translation, user)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        workflow.start(draft, user)
    return draft


def save_draft(translation, user):
    """Save the translation as it is in the editor as a draft revision of its target
    page, leaving what is live alone; returns the page. Raises ReviewError."""
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    try:
        if not draft.live:  # as Wagtail's editor does: a page never published holds its draft
            draft.save(clean=False)
        revision = draft.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise ReviewError(" ".join(error.messages)) from error
    # The target now reflects the source as it is: the translation is in sync.
    TranslationLog.objects.create(
        source=translation.source, locale=translation.target_locale, revision=revision
    )
    return draft


def review_actions(page, user):
    """What `user` may do in the review of `page` now: the current task's actions
    ([(name, label, needs a form)], e.g. approve, request changes), as Wagtail's editor
    offers them: an approval that publishes says so. Empty unless a review is in progress."""
    from django.conf import settings

    task = page.current_workflow_task  # only while a workflow is in progress
    if task is None:
        return []
    publishes = page.current_workflow_state.is_at_final_task and not getattr(
        settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False
    )
    return [
        (
            name,
            # Wagtail's own label (wagtail.admin.action_menu.PageActionMenu).
            _("%(label)s and Publish") % {"label": label}
            if name == "approve" and publishes
            else label,
            needs_form,
        )
        for name, label, needs_form in task.get_actions(page, user)
    ]


def publish_button_action(page, user):
    """What the translation editor's Publish button does for `user` (newsroom.guards):
    "approve" for the reviewer of a translation under review, "publish" for others who
    may publish, "submit" (for review) for those who may not."""
    if "approve" in {name for name, _label, _form in review_actions(page, user)}:
        return "approve"
    return "publish" if user_can_publish(user, page) else "submit"


def review(translation, page, user, action, data="{}"):
    """Take the review action `action` ("approve", "reject"…) on the translation's target
    `page`, with the extra data of Wagtail's action form (JSON, e.g. the comment); an
    approval first saves the translation as the editor shows it. Raises ReviewError."""
    if action not in {name for name, _label, _form in review_actions(page, user)}:
        raise ReviewError(_("This translation is not waiting for your review."))
    task_state = page.current_workflow_task_state
    task = task_state.task.specific
    form_class = task.get_form_for_action(action)
    options = {}
    if form_class is not None:
        try:
            values = json.loads(data or "{}")
        except ValueError:
            values = None
        if not isinstance(values, dict):
            raise ReviewError(_("The review could not be read: try again."))
        form = form_class(values)
        if not form.is_valid():
            raise ReviewError(" ".join(str(e) for errors in form.errors.values() for e in errors))
        options = form.cleaned_data
    with transaction.atomic():
        if action == "approve" and changed_since_draft(translation, page):
            save_draft(translation, user)
        task.on_action(task_state, user, action, **options)


def changed_since_draft(translation, page):
    """Whether the translation in the editor changed after the page's latest draft was
    saved: a segment translated again or overridden, or the source synced since."""
    revision = page.get_latest_revision()
    if revision is None:
        return True
    since = revision.created_at
    if translation.source.last_updated_at > since:
        return True
    edits = {
        "context__object_id": translation.source.object_id,
        "locale": translation.target_locale,
        "updated_at__gt": since,
    }
    return (
        StringTranslation.objects.filter(**edits).exists()
        or SegmentOverride.objects.filter(**edits).exists()
    )


def user_can_publish(user, instance):
    """Whether `user` may publish `instance` (a page, or a snippet without drafts)."""
    from wagtail.models import DraftStateMixin, Page
    from wagtail.snippets.permissions import get_permission_name

    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.is_superuser or user.has_perm(get_permission_name(action, type(instance)))
