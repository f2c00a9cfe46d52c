"""An editor writes and submits; a chief editor approves (publishes) or requests changes."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import NewsArticlePage
from tests.newsroom.conftest import as_user, denied

pytestmark = pytest.mark.django_db


def article_form(title, action):
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "lead": "Who, what, where, when.",
            "body": streamfield([]),
            "categories": inline_formset([]),
            "comments": inline_formset([]),
            "allow_syndication": "on",
            action: "1",
        }
    )


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", index.pk])


def submit_article(client, index, title="Culture days"):
    response = client.post(add_url(index), article_form(title, "action-submit"))
    assert response.status_code == 302, response.content.decode()[:2000]
    return NewsArticlePage.objects.get(title=title)


def task_state(page):
    return WorkflowState.objects.get(object_id=str(page.pk)).current_task_state


def test_editor_creates_and_submits_an_article(client, site, editor):
    as_user(client, editor)
    article = submit_article(client, site.news["ru"])
    assert not article.live
    state = article.current_workflow_state
    assert state.status == "in_progress" and state.workflow.name == "Newsroom review"
    assert state.current_task_state.task.name == "Chief editor approval"


def test_editor_cannot_publish(client, site, editor):
    as_user(client, editor)
    html = client.get(add_url(site.news["kk"])).content.decode()
    assert 'name="action-submit"' in html and 'name="action-publish"' not in html
    # A forged publish is saved as a draft.
    client.post(add_url(site.news["kk"]), article_form("Forged", "action-publish"))
    forged = NewsArticlePage.objects.get(title="Forged")
    assert not forged.live and forged.current_workflow_state is None
    # Approving one's own submission is not an action an editor has.
    article = submit_article(client, site.news["kk"])
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state(article).pk]
    )
    assert denied(client.post(url, {"comment": ""}))
    assert not Page.objects.get(pk=article.pk).live


def test_chief_editor_approves_and_the_article_goes_live(client, site, editor, chief):
    article = submit_article(as_user(client, editor), site.news["en"])
    as_user(client, chief)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard and "Culture days" in dashboard
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state(article).pk]
    )
    assert client.post(url, {"comment": ""}).status_code == 302
    article.refresh_from_db()
    assert article.live and article.current_workflow_state is None


def test_chief_editor_requests_changes_with_a_comment(client, site, editor, chief):
    article = submit_article(as_user(client, editor), site.news["kk"])
    as_user(client, chief)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[article.pk, "reject", task_state(article).pk]
    )
    assert client.post(url, {"comment": "Name the source of the figures."}).status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # The editor sees the comment on the page's workflow history and can edit again.
    as_user(client, editor)
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=[article.pk]))
    detail_url = reverse(
        "wagtailadmin_pages:workflow_history_detail",
        args=[article.pk, article.current_workflow_state.pk],
    )
    detail = client.get(detail_url).content.decode()
    assert history.status_code == 200 and "Name the source of the figures." in detail
    assert client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).status_code == 200


def test_a_page_in_review_is_locked_to_its_editor(client, site, editor):
    article = submit_article(as_user(client, editor), site.news["kk"])
    perms = Page.objects.get(pk=article.pk).permissions_for_user(editor)
    assert perms.page_locked()
