"""Submitting a wagtail-localize translation for review instead of publishing it.

wagtail-localize's editor keeps a translator's work as string translations and
only writes the target page when someone publishes (`Translation.save_target`),
and its draft save writes the page row, i.e. what is live. A review needs a
draft revision that leaves the live page alone: the target is built in memory
from the translations (as wagtail-localize's preview does), saved as a
revision, and the page's workflow is started or resubmitted, so that a chief
editor approves it, which publishes it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation, TranslationLog


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
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        workflow.start(draft, user)
    return draft


def user_can_publish(user, instance):
    """Whether `user` may publish `instance` (a page, or a snippet without drafts)."""
    from wagtail.models import DraftStateMixin, Page
    from wagtail.snippets.permissions import get_permission_name

    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.is_superuser or user.has_perm(get_permission_name(action, type(instance)))
