"""A review action taken from the dashboard says what it did.

The dashboard's "Awaiting your review" (Wagtail's panel) posts its Approve, Approve with
comment and Request changes to Wagtail's workflow action view, which takes the action
and goes back to the dashboard without a word: a chief editor could not tell whether
the article went live. Approving in the page editor says so with a message;
`ReviewActionView` does the same for the dashboard.

Wagtail serves that view through the page type's `PageViewSet`, so each project page
type gets one that uses it: the sections' (newsroom.listing) and `page_viewsets()` for
the others (home, "About", the section index pages, which translations also submit).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState, get_page_models


def review_message(page, action):
    """What `action` ("approve", "reject"...) did to `page`, as the reviewer reads it."""
    names = {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()}
    if action == "approve" and page.workflow_in_progress:
        message = _("'%(title)s' (%(language)s) was approved; the next review step has begun.")
    elif action == "approve" and page.live and not page.has_unpublished_changes:
        message = _("'%(title)s' (%(language)s) was approved and published.")
    elif action == "approve" and page.approved_schedule:
        message = _("'%(title)s' (%(language)s) was approved and scheduled for publication.")
    elif action == "approve":
        message = _("'%(title)s' (%(language)s) was approved.")
    elif action == "reject":
        message = _("You requested changes to '%(title)s' (%(language)s).")
    else:
        message = _("Your review of '%(title)s' (%(language)s) was recorded.")
    return message % names


class ReviewActionView(WorkflowActionView):
    """Wagtail's workflow action view, confirming an action it took with a message."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:  # not a form with errors
            page = Page.objects.select_related("locale").get(pk=self.object.pk)
            edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
            messages.success(
                request,
                review_message(page, self.action_name),
                buttons=[messages.button(edit, _("Edit"))],
            )
        return response


class ReviewedPageViewSet(PageViewSet):
    workflow_action_view_class = ReviewActionView


def page_viewsets(exclude=()):
    """A `ReviewedPageViewSet` for each page type but `Page` and those in `exclude`."""
    return [
        ReviewedPageViewSet(model=model)
        for model in get_page_models()
        if model is not Page and model not in exclude
    ]
