"""A writer's own work, for the dashboard: their drafts, and where each submission stands.

Wagtail's dashboard gives a writer "Your most recent edits" (only pages edited again
after they were created: a page's first save is logged as a creation) and "Your pages
in a workflow" (without what the reviewer said). An editor needs the drafts they left
and, for each page they submitted, whether it still waits or came back with changes
requested, and the chief editor's comment. A page in review is a submission, not a
draft: it is listed once.
"""

from django.db.models import CharField, Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState, get_default_page_content_type

DRAFTS_SHOWN = 20  # the most recent; the explorer has the rest
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"


def _page_states():
    return WorkflowState.objects.active().filter(
        base_content_type_id=get_default_page_content_type().id
    )


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def my_drafts(user, limit=DRAFTS_SHOWN):
    """Pages `user` saved last that are not live or have changes not yet published, and
    are in no review, newest first: [{"page", "title", "locale", "kind", "status",
    "edited_at", "edit_url"}]."""
    in_review = _page_states().filter(object_id=Cast(OuterRef("pk"), output_field=CharField()))
    pages = (
        Page.objects.filter(latest_revision__user=user)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .exclude(Exists(in_review))
        .select_related("locale", "latest_revision")
        .annotate_approved_schedule()
        .order_by("-latest_revision__created_at", "-pk")[:limit]
    )
    return [
        {
            "page": page,
            "title": page.get_admin_display_title(),
            "locale": page.locale.get_display_name(),
            "kind": page.specific_class._meta.verbose_name,
            "status": page.status_string,
            "edited_at": page.latest_revision.created_at,
            "edit_url": _edit_url(page),
        }
        for page in pages
    ]


def my_submissions(user):
    """The pages in review that `user` submitted or owns, latest first: [{"page", "title",
    "locale", "state" (IN_REVIEW or CHANGES_REQUESTED), "task", "since", "reviewer",
    "comment", "edit_url"}]. With changes requested, `reviewer` and `comment` say who asked
    for them and what they wrote."""
    owned = Page.objects.filter(
        owner=user, pk=Cast(OuterRef("object_id"), output_field=IntegerField())
    )
    states = list(
        _page_states()
        .filter(Q(requested_by=user) | Exists(owned))
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("-current_task_state__started_at", "-pk")
    )
    pages = Page.objects.select_related("locale").in_bulk([int(s.object_id) for s in states])
    rows = []
    for state in states:
        page, task_state = pages.get(int(state.object_id)), state.current_task_state
        if page is None or task_state is None:
            continue
        rejected = task_state.status == TaskState.STATUS_REJECTED
        rows.append(
            {
                "page": page,
                "title": page.get_admin_display_title(),
                "locale": page.locale.get_display_name(),
                "state": CHANGES_REQUESTED if rejected else IN_REVIEW,
                "task": task_state.task.name,
                "since": task_state.finished_at if rejected else task_state.started_at,
                "reviewer": task_state.finished_by if rejected else None,
                "comment": task_state.get_comment() if rejected else "",
                "edit_url": _edit_url(page),
            }
        )
    return rows
