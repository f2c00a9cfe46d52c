"""Dashboard panels: what is waiting for each role.

Wagtail's own "Awaiting your review" panel lists every task state a chief
editor can act on; `ReviewQueuePanel` adds how many per section and locale,
so a chief editor sees at a glance where work piles up. `TranslationsPanel`
shows translators and chief editors, per locale, how many pages have no
translation yet and how many translations are out of date
(newsroom.translation_status), each linking to the list. Writers get their own
work (newsroom.my_work): `MySubmissionsPanel`, which takes the place of Wagtail's
"Your pages in a workflow" and adds what the reviewer said, and `MyDraftsPanel`.
Superusers are warned by `TreeCapacityPanel` when a page's children near the
tree's limit (home.tree_capacity).
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState

from home.tree_capacity import CHILD_POSITIONS, crowded_parents
from newsroom.my_work import my_drafts, my_submissions
from newsroom.roles import CHIEF_EDITORS, EDITORS
from newsroom.translation_status import MISSING, OUT_OF_DATE, locale_summary
from newsroom.workflow import sections_by_path

OTHER = ("other", _("Other pages"))
WAGTAIL_WORKFLOW_PANEL = "user_objects_in_workflow_moderation"  # replaced by MySubmissionsPanel


def is_chief_editor(user):
    return user.is_superuser or user.groups.filter(name=CHIEF_EDITORS).exists()


def is_editor(user):
    return user.groups.filter(name=EDITORS).exists()


def review_counts(user):
    """The pages waiting for `user`'s review, counted per section and locale, most first:
    [{"section", "name", "locale", "count", "url" (the section's listing)}]."""
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.filter(
        task_states__in=TaskState.objects.reviewable_by(user), base_content_type=page_type
    )
    page_ids = [int(object_id) for object_id in revisions.values_list("object_id", flat=True)]
    pages = Page.objects.filter(pk__in=page_ids).values_list("path", "locale__language_code")
    sections = sections_by_path()
    prefix = 3 * Page.steplen  # root, home page, section index
    counts = Counter()
    for path, code in pages:
        counts[sections.get(path[:prefix], (*OTHER, None, code))] += 1
    return [
        {
            "section": key,
            "name": name,
            "locale": code,
            "count": count,
            "url": reverse("wagtailadmin_explore", args=[pk]) if pk else None,
        }
        for (key, name, pk, code), count in counts.most_common()
    ]


class RowsPanel(Component):
    """A dashboard panel listing `rows` (dicts) with its template."""

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows}


class ReviewQueuePanel(RowsPanel):
    name = "newsroom_review_queue"
    template_name = "newsroom/panels/review_queue.html"
    order = 205  # just before Wagtail's "Awaiting your review" (220)

    def get_context_data(self, parent_context):
        return {"rows": self.rows, "total": sum(row["count"] for row in self.rows)}


class TranslationsPanel(Component):
    name = "newsroom_translations"
    template_name = "newsroom/panels/translations.html"
    order = 230

    def get_context_data(self, parent_context):
        rows = []
        for locale, missing, out_of_date in locale_summary():
            code = locale.language_code
            rows.append(
                {
                    "locale": locale,
                    "missing": missing,
                    "out_of_date": out_of_date,
                    "missing_url": reverse("newsroom_translation_status", args=[code, MISSING]),
                    "out_of_date_url": reverse(
                        "newsroom_translation_status", args=[code, OUT_OF_DATE]
                    ),
                }
            )
        return {"rows": rows}


class MySubmissionsPanel(RowsPanel):
    name = "newsroom_my_submissions"
    template_name = "newsroom/panels/my_submissions.html"
    order = 210  # where Wagtail's "Your pages in a workflow" was


class MyDraftsPanel(RowsPanel):
    name = "newsroom_my_drafts"
    template_name = "newsroom/panels/my_drafts.html"
    order = 240  # before Wagtail's "Your most recent edits" (250)


class TreeCapacityPanel(RowsPanel):
    name = "newsroom_tree_capacity"
    template_name = "newsroom/panels/tree_capacity.html"
    order = 100  # first: a warning

    def get_context_data(self, parent_context):
        return {"rows": self.rows, "positions": CHILD_POSITIONS}


def add_panels(request, panels):
    """`construct_homepage_panels` hook. Editors always see their own work (if only to
    learn it is empty); others when they have some."""
    user = request.user
    if user.is_superuser:
        crowded = crowded_parents()
        if crowded:
            panels.append(TreeCapacityPanel(crowded))
    rows = review_counts(user)
    if rows or is_chief_editor(user):
        panels.append(ReviewQueuePanel(rows))
    if user.has_perm("wagtail_localize.submit_translation"):
        panels.append(TranslationsPanel())
    writer = is_editor(user)
    submissions = my_submissions(user)
    if submissions or writer:
        panels[:] = [
            panel for panel in panels if getattr(panel, "name", None) != WAGTAIL_WORKFLOW_PANEL
        ]
        panels.append(MySubmissionsPanel(submissions))
    drafts = my_drafts(user)
    if drafts or writer:
        panels.append(MyDraftsPanel(drafts))
