"""The "Newsroom review" workflow: an editor submits, a chief editor approves (which
publishes) or requests changes with a comment.

Wagtail picks a page's workflow from its nearest ancestor with one assigned,
so assigning it to the section index pages covers every article, programme
and project written under them, in every locale. It is assigned to each
tree's home page as well, so that translations of the other pages (home,
"About") go to chief editors rather than to Wagtail's default "Moderators
approval" on the root, which nobody here reviews.
"""

from django.utils.translation import gettext_lazy as _

WORKFLOW_NAME = "Newsroom review"
TASK_NAME = "Chief editor approval"

# Section index page models: (key, model, name on the dashboard).
SECTIONS = (
    ("news", "news.NewsIndexPage", _("News")),
    ("programmes", "partners.ProgrammeIndexPage", _("Programmes")),
    ("projects", "partners.CulturalProjectIndexPage", _("Projects")),
)


def section_models():
    from django.apps import apps

    return [(key, apps.get_model(label), name) for key, label, name in SECTIONS]


def section_pages():
    """Every section index page of every locale tree."""
    pages = []
    for _key, model, _name in section_models():
        pages.extend(model.objects.all().order_by("path"))
    return pages


def sections_by_path():
    """{tree path of a section index page: (section key, section name, page id, language)}."""
    sections = {}
    for key, model, name in section_models():
        for path, pk, code in model.objects.values_list("path", "pk", "locale__language_code"):
            sections[path] = (key, name, pk, code)
    return sections


def ensure_review_workflow(chief_editors):
    """Create the workflow if missing and assign it where no workflow is assigned yet;
    a workflow an administrator chose for one of these pages is kept."""
    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.add(chief_editors)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    assigned = 0
    for page in [*Page.objects.filter(depth=2), *section_pages()]:
        _, created = WorkflowPage.objects.get_or_create(
            page_id=page.pk, defaults={"workflow": workflow}
        )
        assigned += created
    return workflow, assigned
