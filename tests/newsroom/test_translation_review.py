"""Translators translate in wagtail-localize's editor, but a chief editor publishes."""

import pytest
from django.urls import resolve, reverse
from wagtail.models import Page, TaskState
from wagtail_localize.models import StringSegment

from newsroom.guards import SUBMIT_ACTION, ReviewedUpdateTranslationsView
from tests.newsroom.conftest import as_user, denied, edit_url, editor_props

pytestmark = pytest.mark.django_db


def translate_title(client, translation, text):
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, f"value={text}", content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 201), response.content


def approve(client, chief, page):
    as_user(client, chief)
    state = TaskState.objects.reviewable_by(chief).get(workflow_state__object_id=str(page.pk))
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    assert client.post(url, {"comment": ""}).status_code == 302


def test_translator_edits_in_the_editor_but_cannot_publish(client, translated, translator):
    as_user(client, translator)
    response = client.get(edit_url(translated.target))
    assert response.status_code == 200
    # The editor's Publish button is theirs as "Submit for review" (test_translation_editor).
    assert editor_props(response)["perms"]["canPublish"] is True
    translate_title(client, translated.translation, "Казахи в Токио")

    # Publish from the editor: refused as a publish, turned into a submission.
    response = client.post(edit_url(translated.target), {"action": "publish"})
    assert response.status_code == 302
    page = Page.objects.get(pk=translated.target.pk).specific
    assert page.title == "Kazakhs in Tokyo"  # what is live did not change
    assert page.get_latest_revision_as_object().title == "Казахи в Токио"
    assert page.workflow_in_progress and page.current_workflow_task.name == "Chief editor approval"


def test_chief_editor_publishes_the_submitted_translation(client, translated, translator, chief):
    as_user(client, translator)
    translate_title(client, translated.translation, "Казахи в Токио")
    client.post(edit_url(translated.target), {"action": SUBMIT_ACTION})
    # While in review it cannot be submitted again.
    assert "Waiting for review" in client.get(edit_url(translated.target)).content.decode()
    client.post(edit_url(translated.target), {"action": SUBMIT_ACTION})
    assert (
        TaskState.objects.filter(workflow_state__object_id=str(translated.target.pk)).count() == 1
    )
    approve(client, chief, translated.target)
    page = Page.objects.get(pk=translated.target.pk)
    assert page.live and page.title == "Казахи в Токио" and not page.has_unpublished_changes


def test_chief_editor_publishes_from_the_editor_directly(client, translated, chief):
    as_user(client, chief)
    assert editor_props(client.get(edit_url(translated.target)))["perms"]["canPublish"]
    translate_title(client, translated.translation, "Казахи в Токио")
    assert client.post(edit_url(translated.target), {"action": "publish"}).status_code == 302
    assert Page.objects.get(pk=translated.target.pk).title == "Казахи в Токио"


def test_sync_and_publish_is_a_submission_for_translators(
    client, translated, translator, django_capture_on_commit_callbacks
):
    source = translated.source
    source.lead = "A new lead in kk."
    source.save_revision().publish()
    url = reverse("wagtail_localize:update_translations", args=[translated.translation.source_id])
    assert resolve(url).func.view_class is ReviewedUpdateTranslationsView
    as_user(client, translator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    page = Page.objects.get(pk=translated.target.pk).specific
    assert page.lead == "Lead in kk."  # not published
    assert page.get_latest_revision_as_object().lead == "A new lead in kk."
    assert page.workflow_in_progress


def test_sync_and_publish_publishes_for_chief_editors(
    client, translated, chief, django_capture_on_commit_callbacks
):
    source = translated.source
    source.lead = "A new lead in kk."
    source.save_revision().publish()
    as_user(client, chief)
    url = reverse("wagtail_localize:update_translations", args=[translated.translation.source_id])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    assert Page.objects.get(pk=translated.target.pk).specific.lead == "A new lead in kk."


def test_translator_cannot_convert_a_translation_back_to_an_alias(client, translated, translator):
    as_user(client, translator)
    url = reverse("wagtail_localize:convert_to_alias", args=[translated.target.pk])
    assert denied(client.post(url))
    assert Page.objects.get(pk=translated.target.pk).alias_of_id is None


def test_translator_cannot_create_pages(client, site, translator):
    as_user(client, translator)
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", site.news["kk"].pk])
    assert denied(client.get(url))
    assert denied(client.post(url, {"title": "New", "slug": "new", "lead": "x"}))
    assert not Page.objects.filter(slug="new").exists()
    assert not site.news["kk"].permissions_for_user(translator).can_add_subpage()
