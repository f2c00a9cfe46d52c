"""wagtail-localize's translation editor, as each role sees it (newsroom/translation_editor.py).

The footer's main button is what the user should do: a translator or an editor
submits for review (never Delete, never Convert to alias page), the chief editor
reviewing a translation approves it, which publishes it, or requests changes
from the review bar under the editor, which the translator then reads there.
Screenshots: var/screenshots/.
"""

import re

import pytest
from django.contrib.auth.models import User
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from demo.pages import page_key
from news.models import NewsArticlePage

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

from .admin import (  # noqa: E402 (needs Playwright)
    expect_message,
    footer_main,
    footer_menu,
    translate_segment,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SOURCE_TITLE = "Омбыдағы қазақ студенттері Абай оқуларын өткізді"  # kk only in the demo
RUSSIAN_TITLE = "Казахские студенты Омска провели Абаевские чтения"
COMMENT = "Please name the city as in our style guide: «в Омске»."
FIXED_TITLE = "Казахские студенты в Омске провели Абаевские чтения"


def start_translation(username, page, code):
    """What "Translate this page" does: a draft translation of `page` into `code`."""
    user = User.objects.get(username=username)
    TranslationCreator(user, [Locale.objects.get(language_code=code)]).create_translations(page)
    return page.get_translation(Locale.objects.get(language_code=code))


def expect_menu_without_delete_or_alias(page):
    menu = footer_menu(page)
    expect(menu.get_by_text("Stop Synced translation")).to_be_visible()
    expect(menu.get_by_text("Delete", exact=True)).to_have_count(0)
    expect(menu.get_by_text("Convert to alias page")).to_have_count(0)
    return menu


def close_menu(page):
    page.keyboard.press("Escape")
    expect(page.locator("footer [data-w-dropdown-target='content']").first).to_be_hidden()


def test_translator_submits_and_chief_editor_reviews_in_the_editor(site):
    source = NewsArticlePage.objects.get(locale__language_code="kk", title=SOURCE_TITLE)
    target = start_translation("translator", source, "ru")
    # The ru tree showed the article as a live alias, which the translation took over;
    # an article translated before it is published has a draft (test_newsroom) like this:
    target.unpublish()
    target.refresh_from_db()
    assert not target.live  # a draft: Wagtail lets its "change" holders delete it
    translator_user = User.objects.get(username="translator")
    assert target.permissions_for_user(translator_user).can_delete()
    edit = f"/admin/pages/{target.pk}/edit/"

    # 1. The translator's main button submits for review; no Delete, no Convert to alias.
    translator = site.login("translator")
    translator.goto(edit)
    expect(footer_main(translator)).to_have_text(re.compile(r"^\s*Submit for review: Russian"))
    expect_menu_without_delete_or_alias(translator)
    site.screenshot(translator, "1-translator-footer-menu", full_page=False)
    close_menu(translator)
    translate_segment(translator, SOURCE_TITLE, RUSSIAN_TITLE)
    expect(translator.locator("#newsroom-review")).to_contain_text(
        "A chief editor publishes translations."
    )
    site.screenshot(translator, "1-translator-footer", full_page=False)
    footer_main(translator).click()
    expect_message(translator, "submitted to a chief editor for review")
    expect(translator.locator("#newsroom-review")).to_contain_text(
        "Waiting for review: Chief editor approval."
    )
    state = WorkflowState.objects.get(object_id=str(target.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # 2. The chief editor opens it from the dashboard: the main button approves, the
    #    review bar has the workflow's actions. They request changes, with a comment.
    chief = site.login("chief")
    chief.get_by_role("link", name=RUSSIAN_TITLE).click()
    chief.wait_for_url(f"**{edit}")
    expect(footer_main(chief)).to_have_text(re.compile(r"^\s*Approve and Publish: Russian"))
    bar = chief.locator("#newsroom-review")
    expect(bar.get_by_role("button", name="Approve and Publish", exact=True)).to_be_visible()
    expect(bar.get_by_role("button", name="Request changes")).to_be_visible()
    site.screenshot(chief, "2-chief-review", full_page=False)
    bar.get_by_role("button", name="Request changes").click()
    dialog = chief.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(COMMENT)
    site.screenshot(chief, "2-chief-request-changes", full_page=False)
    dialog.get_by_role("button", name="Request changes").click()
    expect_message(chief, "You requested changes to")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = state.current_task_state
    assert rejected.status == TaskState.STATUS_REJECTED and rejected.comment == COMMENT
    target.refresh_from_db()
    assert not target.live

    # 3. The translator reads the request in the editor, fixes the title, submits again.
    translator.reload()
    expect(translator.locator("#newsroom-review")).to_contain_text(f"Changes requested: {COMMENT}")
    site.screenshot(translator, "3-translator-changes-requested", full_page=False)
    translate_segment(translator, SOURCE_TITLE, FIXED_TITLE)
    footer_main(translator).click()
    expect_message(translator, "submitted to a chief editor for review")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # 4. The chief editor approves with the main button: it goes live, the review recorded.
    chief.reload()
    expect(footer_main(chief)).to_have_text(re.compile(r"^\s*Approve and Publish: Russian"))
    footer_main(chief).click()
    expect_message(chief, f"'{FIXED_TITLE}' in Russian was approved and published.")
    site.screenshot(chief, "4-chief-approved", full_page=False)
    expect(footer_main(chief)).to_have_text(re.compile(r"^\s*Publish in Russian"))
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    approved = state.task_states.order_by("-id").first()
    assert approved.status == TaskState.STATUS_APPROVED
    assert approved.finished_by.username == "chief"
    target.refresh_from_db()
    assert target.live and target.title == FIXED_TITLE


def test_an_editor_is_not_offered_convert_to_alias(site):
    """A live translation: wagtail-localize offers Convert to alias page, to chief editors only."""
    kk = NewsArticlePage.objects.get(
        translation_key=page_key("japan-association"), locale__language_code="kk"
    )
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(kk), target_locale__language_code="ru"
    )
    target = translation.get_target_instance()
    assert target.live
    edit = f"/admin/pages/{target.pk}/edit/"

    editor = site.login("editor")
    editor.goto(edit)
    expect(footer_main(editor)).to_have_text(re.compile(r"^\s*Submit for review: Russian"))
    expect_menu_without_delete_or_alias(editor)
    site.screenshot(editor, "editor-footer-menu", full_page=False)

    chief = site.login("chief")
    chief.goto(edit)
    expect(footer_main(chief)).to_have_text(re.compile(r"^\s*Publish in Russian"))
    menu = footer_menu(chief)
    expect(menu.get_by_text("Convert to alias page")).to_be_visible()
    site.screenshot(chief, "chief-footer-menu", full_page=False)
