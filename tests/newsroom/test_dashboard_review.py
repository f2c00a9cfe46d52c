"""Reviewing from the dashboard's "Awaiting your review" says what happened, as the page
editor does: approved and published, scheduled, or sent back."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import NewsArticlePage
from tests.newsroom.conftest import as_user
from tests.newsroom.test_review import submit_article, task_state

pytestmark = pytest.mark.django_db
HOME = reverse("wagtailadmin_home")


def dashboard_action(client, page, action):
    """The URL of `action` in the dashboard's menu for `page` (what workflow-action.js posts)."""
    text = client.get(HOME).content.decode()
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state(page).pk])
    assert f'data-workflow-action-url="{url}"' in text
    return url


def messages(response):
    """(level, text) of the messages shown on the page."""
    shown = response.content.decode().split('data-w-messages-target="container">')[1]
    shown = shown.split("</ul>")[0]
    found = re.findall(r'<li class="(\w+)">(?:\s*<svg.*?</svg>)?\s*([^<]*?)\s*<', shown, re.S)
    return [(level, html.unescape(text)) for level, text in found]


def test_approve_from_the_dashboard_confirms_the_publication(client, site, editor, chief):
    article = submit_article(as_user(client, editor), site.news["en"])
    as_user(client, chief)
    url = dashboard_action(client, article, "approve")
    # The menu's plain "Approve": a form posted with the dashboard as `next`.
    response = client.post(url, {"next": HOME}, follow=True)
    assert response.redirect_chain[-1][0] == HOME
    assert ("success", "'Culture days' (English) was approved and published.") in messages(response)
    assert NewsArticlePage.objects.get(pk=article.pk).live


def test_approve_with_comment_in_the_dialog(client, site, editor, chief):
    article = submit_article(as_user(client, editor), site.news["kk"])
    as_user(client, chief)
    url = dashboard_action(client, article, "approve")
    response = client.post(
        url, {"comment": "Good.", "next": HOME}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.json()["step"] == "success"  # the dialog then opens the dashboard
    shown = messages(client.get(HOME))
    assert ("success", "'Culture days' (Kazakh) was approved and published.") in shown


def test_request_changes_and_scheduled_approval(client, site, editor, chief):
    sent_back = submit_article(as_user(client, editor), site.news["ru"], "Sent back")
    later = NewsArticlePage(title="Later", slug="later", lead="Lead.", owner=editor)
    site.news["ru"].add_child(instance=later)
    later.go_live_at = timezone.now() + datetime.timedelta(days=1)
    later.save_revision(user=editor)
    later.get_workflow().start(later, editor)

    as_user(client, chief)
    response = client.post(
        dashboard_action(client, sent_back, "reject"),
        {"comment": "Sources?", "next": HOME},
        follow=True,
    )
    assert ("success", "You requested changes to 'Sent back' (Russian).") in messages(response)
    response = client.post(dashboard_action(client, later, "approve"), {"next": HOME}, follow=True)
    assert (
        "success",
        "'Later' (Russian) was approved and scheduled for publication.",
    ) in messages(response)


def test_every_page_type_confirms(client, site, chief):
    """Not only articles: a section page (here a translation's index) goes through the same
    review, and its approval from the dashboard says so too."""
    index = site.news["ru"]
    index.title = "Новости"
    index.save_revision(user=chief)
    index.get_workflow().start(index, chief)
    as_user(client, chief)
    url = dashboard_action(client, index, "approve")
    response = client.post(url, {"next": HOME}, follow=True)
    assert ("success", "'Новости' (Russian) was approved and published.") in messages(response)
    # Once more (a second tab): nothing was done, and nothing claims it was.
    again = messages(client.post(url, {"next": HOME}, follow=True))
    assert [level for level, _text in again] == ["error"]
