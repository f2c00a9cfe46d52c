"""What wagtail-localize's translation editor offers each role, and the review from it.

The editor's footer is drawn in the browser from its props: its main button is the
last that applies of Stop Synced translation, Convert to alias page, Delete, Lock,
Unlock, Unpublish and Publish (newsroom/translation_editor.py). These tests read the
props and the labels the page gives the editor; tests/browser checks the footer itself.
"""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment

from newsroom.guards import WORKFLOW_ACTION, WORKFLOW_ACTION_DATA, WORKFLOW_ACTION_NAME
from newsroom.review import publish_button_action, review_actions, submit_for_review
from newsroom.translation_editor import PUBLISH_LABEL, PUBLISHING_LABEL
from tests.newsroom.conftest import as_user, denied, edit_url, editor_props, translate_page

pytestmark = pytest.mark.django_db


def editor_labels(response):
    """What the page makes the editor's own words say ({} if it leaves them alone)."""
    match = re.search(
        r'<script id="newsroom-editor-labels" type="application/json">(.*?)</script>',
        response.content.decode(),
    )
    return json.loads(match.group(1)) if match else {}


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def draft_translation(translated):
    """A translation into en never published: Wagtail lets "change" delete such a page."""
    translation = translate_page(translated.source, "en", publish_target=False)
    return translation, translation.get_target_instance()


@pytest.fixture
def translate_title(client):
    """Translate a translation's title in the editor, as `user`."""

    def translate(translation, user, text):
        as_user(client, user)
        segment = StringSegment.objects.get(source=translation.source, context__path="title")
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url, f"value={text}", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201), response.content

    return translate


@pytest.fixture
def in_review(translated, translator, translate_title):
    """The ru translation, its title translated, submitted by the translator."""
    translate_title(translated.translation, translator, "Казахи в Токио")
    submit_for_review(translated.translation, translator)
    return translated


def test_a_translator_is_offered_submit_for_review_and_neither_delete_nor_alias(
    client, draft_translation, translator
):
    _translation, target = draft_translation
    # Wagtail would let the translator delete this draft (a leaf page never published)…
    assert target.permissions_for_user(translator).can_delete()
    response = as_user(client, translator).get(edit_url(target))
    props = editor_props(response)
    # … but the editor does not offer it, nor Convert to alias page (refused to them).
    assert props["perms"]["canDelete"] is False
    assert props["links"]["convertToAliasUrl"] is None
    # The Publish button is their main one, and it says what the server does with it.
    assert props["perms"]["canPublish"] is True
    assert not props["perms"]["canLock"] and not props["perms"]["canUnpublish"]
    assert editor_labels(response) == {
        PUBLISH_LABEL: "Submit for review: ",
        PUBLISHING_LABEL: "Submitting…",
    }
    html = response.content.decode()
    assert "A chief editor publishes translations." in html
    assert 'name="action-workflow-action"' not in html  # no review actions for them


def test_an_editor_is_not_offered_convert_to_alias(client, translated, editor, chief):
    # wagtail-localize offers it for this page (its source is there to alias)…
    chief_props = editor_props(as_user(client, chief).get(edit_url(translated.target)))
    assert chief_props["links"]["convertToAliasUrl"]
    # … but not to an editor, who may edit the translation but not publish it.
    assert translated.target.permissions_for_user(editor).can_edit()
    response = as_user(client, editor).get(edit_url(translated.target))
    props = editor_props(response)
    assert props["links"]["convertToAliasUrl"] is None
    assert props["perms"]["canDelete"] is False
    assert props["perms"]["canPublish"] is True  # as "Submit for review"
    assert editor_labels(response)[PUBLISH_LABEL] == "Submit for review: "
    # The server refuses it anyway (newsroom.guards.convert_to_alias).
    url = reverse("wagtail_localize:convert_to_alias", args=[translated.target.pk])
    assert denied(client.post(url))
    assert Page.objects.get(pk=translated.target.pk).alias_of_id is None


def test_a_chief_editor_keeps_wagtail_localizes_editor(client, translated, chief):
    response = as_user(client, chief).get(edit_url(translated.target))
    props = editor_props(response)
    url = reverse("wagtail_localize:convert_to_alias", args=[translated.target.pk])
    assert props["links"]["convertToAliasUrl"] == url
    assert props["perms"]["canPublish"] and props["perms"]["canLock"]
    assert editor_labels(response) == {}  # "Publish in Russian"
    assert 'id="newsroom-review"' not in response.content.decode()
    assert publish_button_action(translated.target, chief) == "publish"


def test_a_reviewer_is_offered_the_workflows_actions(client, in_review, chief, translator):
    target = in_review.target
    assert publish_button_action(target, chief) == "approve"
    assert publish_button_action(target, translator) == "submit"
    assert review_actions(target, translator) == []
    response = as_user(client, chief).get(edit_url(target))
    assert editor_labels(response) == {PUBLISH_LABEL: "Approve and Publish: "}
    html = response.content.decode()
    assert "Waiting for review: Chief editor approval." in html
    buttons = re.findall(r'<button type="submit"[^>]*data-workflow-action-name="(\w+)"', html)
    assert buttons == ["approve", "approve", "reject"]  # approve first, the main one
    task_state = target.current_workflow_task_state
    form_url = reverse(
        "wagtailadmin_pages:collect_workflow_action_data", args=[target.pk, "reject", task_state.pk]
    )
    assert f'data-workflow-action-modal-url="{form_url}"' in html
    assert "workflow-action.js" in html
    # The translator waits.
    response = as_user(client, translator).get(edit_url(target))
    assert "Waiting for review: Chief editor approval." in response.content.decode()
    assert 'name="action-workflow-action"' not in response.content.decode()


def test_the_reviewer_approves_from_the_editor_with_their_fixes(
    client, in_review, chief, translate_title
):
    target = in_review.target
    # The chief editor fixes the title in the editor, then presses the main button.
    translate_title(in_review.translation, chief, "Казахи в Токио!")
    response = client.post(edit_url(target), {"action": "publish"}, follow=True)
    assert "'Казахи в Токио!' in Russian was approved and published." in messages_of(response)
    page = Page.objects.get(pk=target.pk)
    assert page.live and page.title == "Казахи в Токио!" and not page.has_unpublished_changes
    state = WorkflowState.objects.get(object_id=str(target.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    task_state = state.task_states.get()
    assert task_state.status == TaskState.STATUS_APPROVED and task_state.finished_by == chief
    assert page.live_revision.user == chief


def test_an_approval_without_fixes_publishes_the_submitted_draft(
    client, in_review, chief, translator
):
    target = in_review.target
    submitted = Page.objects.get(pk=target.pk).get_latest_revision()
    assert submitted.user == translator
    as_user(client, chief).post(edit_url(target), {"action": "publish"})
    page = Page.objects.get(pk=target.pk)
    assert page.live and page.title == "Казахи в Токио"
    assert page.live_revision == submitted
    assert page.latest_revision == submitted  # no draft saved by the reviewer


def test_the_reviewer_approves_with_a_comment_from_the_review_bar(client, in_review, chief):
    target = in_review.target
    as_user(client, chief).post(
        edit_url(target),
        {
            WORKFLOW_ACTION: "true",
            WORKFLOW_ACTION_NAME: "approve",
            WORKFLOW_ACTION_DATA: json.dumps({"comment": "Good."}),
        },
    )
    page = Page.objects.get(pk=target.pk)
    assert page.live and page.title == "Казахи в Токио"
    task_state = TaskState.objects.get(workflow_state__object_id=str(target.pk))
    assert task_state.status == TaskState.STATUS_APPROVED and task_state.comment == "Good."


def test_the_reviewer_requests_changes_and_the_translator_sees_them(
    client, in_review, chief, translator
):
    target = in_review.target
    response = as_user(client, chief).post(
        edit_url(target),
        {
            WORKFLOW_ACTION: "true",
            WORKFLOW_ACTION_NAME: "reject",
            WORKFLOW_ACTION_DATA: json.dumps({"comment": "Tokyo is Токио, not Токё."}),
        },
        follow=True,
    )
    assert "You requested changes to 'Казахи в Токио' in Russian." in messages_of(response)
    page = Page.objects.get(pk=target.pk)
    assert page.title == "Kazakhs in Tokyo"  # nothing published
    state = WorkflowState.objects.get(object_id=str(target.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.status == TaskState.STATUS_REJECTED

    response = as_user(client, translator).get(edit_url(target))
    html = response.content.decode()
    assert "<strong>Changes requested</strong>: Tokyo is Токио, not Токё." in html
    assert editor_labels(response)[PUBLISH_LABEL] == "Submit for review: "
    # Submitted again, it goes back to the same review.
    client.post(edit_url(target), {"action": "publish"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_only_the_reviewer_takes_review_actions(client, in_review, translator, editor):
    target = in_review.target
    for user in (translator, editor):
        for name in ("approve", "reject"):
            response = as_user(client, user).post(
                edit_url(target),
                {WORKFLOW_ACTION: "true", WORKFLOW_ACTION_NAME: name},
                follow=True,
            )
            assert "This translation is not waiting for your review." in messages_of(response)
    state = WorkflowState.objects.get(object_id=str(target.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert Page.objects.get(pk=target.pk).title == "Kazakhs in Tokyo"


def test_a_review_action_with_unreadable_details_is_refused(client, in_review, chief):
    response = as_user(client, chief).post(
        edit_url(in_review.target),
        {WORKFLOW_ACTION: "true", WORKFLOW_ACTION_NAME: "reject", WORKFLOW_ACTION_DATA: "[1]"},
        follow=True,
    )
    assert "The review could not be read: try again." in messages_of(response)
    state = WorkflowState.objects.get(object_id=str(in_review.target.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_wagtails_own_editor_keeps_its_workflow_actions(client, site, editor, chief):
    """On a page that is not a translation's target, the same fields are Wagtail's."""
    from tests.newsroom.test_review import article_form, submit_article

    article = submit_article(as_user(client, editor), site.news["en"])
    data = article_form("Culture days", WORKFLOW_ACTION)
    data[WORKFLOW_ACTION_NAME] = "approve"
    response = as_user(client, chief).post(edit_url(article), data, follow=True)
    assert not any("approved and published" in message for message in messages_of(response))
    article = Page.objects.get(pk=article.pk)
    assert article.live and article.current_workflow_state is None
