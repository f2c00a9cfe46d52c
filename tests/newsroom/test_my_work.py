"""A writer's dashboard shows their own work: drafts, and where each submission stands with
the reviewer's comment; the form for a new article says which locale tree it goes into."""

import re

import pytest
from django.urls import reverse

from news.models import NewsArticlePage
from newsroom.my_work import CHANGES_REQUESTED, IN_REVIEW, my_drafts, my_submissions
from tests.factories import make_article
from tests.newsroom.conftest import as_user, edit_url
from tests.newsroom.test_review import add_url, article_form, submit_article, task_state

pytestmark = pytest.mark.django_db


def dashboard(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


def panel(html, name):
    match = re.search(rf'<section[^>]*id="newsroom-{name}-section".*?</section>', html, re.S)
    assert match, f"no {name} panel"
    return match.group(0)


def save_draft(client, index, title):
    response = client.post(add_url(index), article_form(title, "action-save"))
    assert response.status_code == 302, response.content.decode()[:2000]
    return NewsArticlePage.objects.get(title=title)


def test_a_new_editor_sees_both_panels_empty(client, site, editor):
    html = dashboard(as_user(client, editor))
    assert "You have no drafts" in panel(html, "my-drafts")
    assert "None of your pages is in review" in panel(html, "my-submissions")
    assert 'id="objects-in-workflow-section"' not in html  # Wagtail's, replaced by ours


def test_my_drafts_are_mine_unpublished_and_not_in_review(client, site, editor, chief):
    as_user(client, editor)
    draft = save_draft(client, site.news["ru"], "Draft in ru")
    submitted = submit_article(client, site.news["kk"], "Submitted")
    live = make_article(site.news["en"], "Live and edited", owner=editor)
    live.title = "Live and edited again"
    live.save_revision(user=editor)
    published = make_article(site.news["kk"], "Published", slug="published")
    published.save_revision(user=editor).publish()
    someone_elses = make_article(site.news["kk"], "Chief's draft", slug="chiefs-draft", live=False)
    someone_elses.save_revision(user=chief)

    rows = my_drafts(editor)
    assert [row["page"].pk for row in rows] == [live.pk, draft.pk]  # newest first
    assert rows[0]["title"] == "Live and edited again" and rows[0]["status"] == "live + draft"
    assert rows[1]["locale"] == "Russian" and rows[1]["status"] == "draft"
    assert submitted.pk not in {row["page"].pk for row in rows}

    html = panel(dashboard(client), "my-drafts")
    assert f'href="{edit_url(draft)}">Draft in ru<' in html
    assert f'href="{edit_url(live)}">Live and edited again<' in html
    assert "Chief&#x27;s draft" not in html and "Submitted" not in html


def test_my_submissions_with_the_reviewers_comment(client, site, editor, chief):
    as_user(client, editor)
    waiting = submit_article(client, site.news["kk"], "Waiting")
    sent_back = submit_article(client, site.news["en"], "Sent back")
    as_user(client, chief).post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[sent_back.pk, "reject", task_state(sent_back).pk],
        ),
        {"comment": "Name your source in the lead."},
    )

    rows = {row["page"].pk: row for row in my_submissions(editor)}
    assert rows[waiting.pk]["state"] == IN_REVIEW
    assert rows[waiting.pk]["task"] == "Chief editor approval"
    assert rows[sent_back.pk]["state"] == CHANGES_REQUESTED
    assert rows[sent_back.pk]["comment"] == "Name your source in the lead."
    assert rows[sent_back.pk]["reviewer"] == chief
    assert my_submissions(chief) == []

    html = panel(dashboard(as_user(client, editor)), "my-submissions")
    row = re.search(
        rf'<tr data-page="{sent_back.pk}" data-state="changes_requested">.*?</tr>', html, re.S
    )
    assert row, html
    assert f'href="{edit_url(sent_back)}">Sent back<' in row.group(0)
    assert "Changes requested" in row.group(0)
    assert "<q>Name your source in the lead.</q>" in row.group(0) and "chief" in row.group(0)
    waiting_row = re.search(
        rf'<tr data-page="{waiting.pk}" data-state="in_review">.*?</tr>', html, re.S
    )
    assert "In review: Chief editor approval" in waiting_row.group(0)
    # Resubmitted, it waits again, and is not a draft either.
    client.post(edit_url(sent_back), article_form("Sent back", "action-submit"))
    assert {row["state"] for row in my_submissions(editor)} == {IN_REVIEW}
    assert my_drafts(editor) == []


@pytest.mark.parametrize("code,language", [("kk", "Kazakh"), ("ru", "Russian"), ("en", "English")])
def test_the_new_article_form_names_its_locale_tree(client, site, editor, code, language):
    html = as_user(client, editor).get(add_url(site.news[code])).content.decode()
    tag = re.search(r'<span[^>]*id="newsroom-create-locale".*?</span>', html, re.S)
    assert tag, "no locale in the header"
    assert f'data-newsroom-locale="{code}"' in tag.group(0)
    text = re.sub(r"<svg.*?</svg>|<[^>]+>", " ", tag.group(0), flags=re.S)
    assert " ".join(text.split()) == f"New page in the {language} tree"
