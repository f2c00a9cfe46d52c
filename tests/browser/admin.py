"""Steps in the Wagtail admin, by role and label where the admin offers them.

Where it offers none (the StreamField's add buttons, choosers' items, the
translation editor's unlabelled text areas) the locators use Wagtail's stable
ids, classes and data attributes.
"""

import json
import re

from playwright.sync_api import expect


def choose_image(page, opener, title):
    """Open an image chooser with `opener` and pick the image whose title contains `title`."""
    opener.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox", name="Search term").fill(title)
    dialog.locator("a[data-chooser-modal-choice]", has_text=title).first.click()
    expect(dialog).to_be_hidden()


def add_block(page, label):
    """Append a block of type `label` ("Paragraph", "Fact box"…) to the body; returns its index."""
    body = page.locator("[data-contentpath='body']")
    index = body.locator("[data-streamfield-child]").count()
    body.locator("button.c-sf-add-button").last.click()  # the stream's "Insert a block" (+)
    page.get_by_role("option", name=label, exact=True).click()
    expect(body.locator("[data-streamfield-child]")).to_have_count(index + 1)
    return index


def type_rich_text(page, field_id, text):
    """Type into the Draftail editor of a rich text field (its hidden input has `field_id`).

    Keystrokes rather than fill(): Draft.js keeps its own state and may miss a fill.
    Draftail copies its state into the hidden input a moment later (debounced): wait
    for it, or a form sent at once would lose the text.
    """
    hidden = page.locator(f"#{field_id}")
    editor = hidden.locator("xpath=..").get_by_role("textbox")
    editor.click()
    page.keyboard.type(text)
    expect(hidden).to_have_value(re.compile(re.escape(json.dumps(text)[1:-1])))


def footer_main(page):
    """The main button of the editor's footer (the others are under "More actions")."""
    return page.locator("footer .w-dropdown-button").first.locator("xpath=./*[1]")


def footer_menu(page):
    """Open the footer's "More actions"; returns the menu."""
    page.locator("footer").get_by_role("button", name="More actions").first.click()
    menu = page.locator("footer [data-w-dropdown-target='content']").first
    expect(menu).to_be_visible()
    return menu


def settle_autosave(page):
    """Wait until Wagtail's autosave has finished with the editor's form.

    On a new page the autosave creates the page in the background and turns the form
    into the page's edit form; an action sent before then creates it a second time
    (a server error: the slug is already in use). An editor sees "Saved" first.
    """
    indicator = page.locator("#w-autosave-indicator")
    if not indicator.count():
        return
    if "/pages/add/" in page.url:
        expect(page).to_have_url(re.compile(r"/pages/\d+/edit/"), timeout=10_000)
        expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved")
    expect(indicator).not_to_have_attribute("data-w-autosave-state-value", "saving")


def footer_action(page, name):
    """Run an action from the editor's footer: the main button or one under "More actions"."""
    settle_autosave(page)
    button = page.locator("footer").get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        page.get_by_role("button", name="More actions").click()
    button.click()


def page_menu(page, item):
    """An item of the page header's "Actions" menu (Translate this page, History…)."""
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role(
        "button", name="Actions"
    ).click()
    page.get_by_role("link", name=item).click()


def expect_message(page, text):
    expect(page.locator(".messages")).to_contain_text(text)


def translate_segment(page, source, text):
    """Translate (or translate again) the segment of wagtail-localize's editor whose source
    text is `source`."""
    segment = page.locator("li", has=page.locator("p", has_text=source)).last
    segment.get_by_role("button", name=re.compile(r"^(Translate|Edit)$")).click()
    editing = page.locator("textarea")
    editing.fill(text)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(editing).to_have_count(0)
    expect_saved(page)


def expect_saved(page):
    """The editor has saved the segments' translations: none says "Saving..." any more
    (it does from the click on Save until the server answers)."""
    expect(page.get_by_text("Saving...")).to_have_count(0)


def translate_segments(page, translations):
    """Fill every untranslated segment of wagtail-localize's editor, from `translations`
    (source text → translated text); returns the source texts it saw."""
    seen = []
    buttons = page.get_by_role("button", name="Translate", exact=True)
    while buttons.count():
        segment = buttons.first.locator("xpath=ancestor::li[2]")  # the segment's list item
        source = segment.locator("p").first.inner_text().strip()
        seen.append(source)
        buttons.first.click()
        editing = page.locator("textarea")  # one segment is edited at a time
        editing.fill(translations[source])
        page.get_by_role("button", name="Save", exact=True).click()
        expect(editing).to_have_count(0)
    expect_saved(page)
    return seen
