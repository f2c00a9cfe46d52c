"""The newsroom in a real browser: write, review, translate, preview, schedule, read.

Each test drives the Wagtail admin as the demo users of the newsroom roles
(editor, chief, translator) and checks the result in the reference reader
(/reader/), which reads only the GraphQL API. Screenshots: var/screenshots/.
"""

import datetime
import re
import time

import pytest
from django.utils import timezone

from news.models import NewsArticlePage, NewsIndexPage

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

from .admin import (  # noqa: E402 (needs Playwright)
    add_block,
    choose_image,
    expect_message,
    footer_action,
    footer_main,
    page_menu,
    settle_autosave,
    translate_segments,
    type_rich_text,
)

# serialized_rollback: a transactional test empties every table afterwards, including what
# migrations put there (the root page and collection, locales); this brings them back.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ARTICLE = {
    "title": "Kazakh film week opens in Berlin",
    "dateline": "BERLIN",
    "lead": "A week of Kazakh cinema opened in Berlin with films from Almaty studios.",
    "hero_alt": "A yurt in the festival courtyard",
    "paragraph": "Twelve feature films and documentaries are shown with German subtitles.",
    "image_alt": "The audience on the opening night",
    "caption": "The opening night.",
    "box_title": "Reference",
    "box_text": "The festival has been held every year since 2019.",
}
# What the translator types for each segment of the article, by its English text.
KAZAKH = {
    ARTICLE["title"]: "Берлинде қазақ киносының апталығы ашылды",
    ARTICLE["dateline"]: "БЕРЛИН",
    ARTICLE["lead"]: "Берлинде Алматы киностудияларының фильмдерімен қазақ киносы апталығы ашылды.",
    ARTICLE["hero_alt"]: "Фестиваль ауласындағы киіз үй",
    ARTICLE[
        "paragraph"
    ]: "Он екі көркем және деректі фильм неміс тіліндегі субтитрмен көрсетіледі.",
    ARTICLE["image_alt"]: "Ашылу кешіндегі көрермендер",
    ARTICLE["caption"]: "Ашылу кеші.",
    ARTICLE["box_title"]: "Анықтама",
    ARTICLE["box_text"]: "Фестиваль 2019 жылдан бері жыл сайын өтеді.",
}


SCHEDULE_AHEAD = 8  # seconds: enough to schedule it and look at the reader before


def news_index(language_code):
    return NewsIndexPage.objects.get(locale__language_code=language_code)


def write_article(page, article, parent):
    """Fill the new-article form under `parent`: text, hero image, paragraph, image, fact box."""
    page.goto(f"/admin/pages/add/news/newsarticlepage/{parent.pk}/")
    page.locator("#id_title").fill(article["title"])
    page.locator("#id_dateline").fill(article["dateline"])
    page.locator("#id_lead").fill(article["lead"])
    choose_image(
        page, page.get_by_role("button", name="Choose an image").first, "culture-days-yurt"
    )
    page.locator("#id_hero_alt").fill(article["hero_alt"])
    index = add_block(page, "Paragraph")
    type_rich_text(page, f"body-{index}-value", article["paragraph"])
    index = add_block(page, "Image")
    block = page.locator("[data-contentpath='body'] [data-streamfield-child]").nth(index)
    choose_image(page, block.get_by_role("button", name="Choose an image"), "culture-days-crafts")
    page.locator(f"#body-{index}-value-alt_text").fill(article["image_alt"])
    page.locator(f"#body-{index}-value-caption").fill(article["caption"])
    index = add_block(page, "Fact box")
    expect(page.locator(f"#body-{index}-value-title")).to_have_value(article["box_title"])
    type_rich_text(page, f"body-{index}-value-text", article["box_text"])


def approve(page, title, screenshot=None):
    """A chief editor opens the page from the dashboard's review list and approves it."""
    page.goto("/admin/")
    page.get_by_role("link", name=title).click()
    if screenshot:  # the review actions, open
        page.get_by_role("button", name="More actions").click()
        expect(page.get_by_role("button", name="Approve and Publish")).to_be_visible()
        screenshot(page)
    footer_action(page, "Approve and Publish")
    expect_message(page, "has been updated")


def open_reader(page, path):
    """Open a reader page and wait until it has rendered (app.js sets body[data-route])."""
    page.goto(path)
    page.wait_for_selector("body[data-route]", state="attached")
    return page


def expect_article(page, article, *, box_title, locale):
    """The reader shows the article: title, dateline, hero image, the fact box, the body image."""
    expect(page.locator("html")).to_have_attribute("lang", locale)
    expect(page.get_by_role("heading", level=1)).to_have_text(article["title"])
    expect(page.locator(".dateline-line")).to_contain_text(article["dateline"])
    expect(page.locator(".lead")).to_have_text(article["lead"])
    hero = page.locator(".hero img")
    expect(hero).to_have_attribute("alt", article["hero_alt"])
    expect(hero).to_have_attribute("srcset", re.compile(r"format-webp\.webp 1280w"))
    box = page.get_by_role("complementary", name=box_title)
    expect(box).to_contain_text(article["box_text"])
    expect(page.locator(".block-image img")).to_have_attribute("alt", article["image_alt"])
    expect(page.locator(".block-image figcaption")).to_contain_text(article["caption"])
    # Every image has loaded (srcset candidates included).
    page.wait_for_function(
        "[...document.images].every((img) => img.complete && img.naturalWidth > 0)"
    )


def test_write_review_translate_and_read(site):
    # 1. An editor writes an article with a fact box and an image, and submits it for review.
    editor = site.login("editor")
    write_article(editor, ARTICLE, news_index("en"))
    site.screenshot(editor, "1-editor-writes", full_page=False)
    footer_action(editor, "Submit to Newsroom review")
    expect_message(editor, "submitted for moderation")
    article = NewsArticlePage.objects.get(title=ARTICLE["title"])
    assert not article.live

    # Not public yet: the reader has nothing at its address.
    reader = site.new_page()
    open_reader(reader, f"/reader/en/news/{article.slug}/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Page not found")

    # 2. The chief editor approves it from the dashboard: it goes live.
    chief = site.login("chief")
    expect(chief.get_by_role("link", name=ARTICLE["title"])).to_be_visible()
    site.screenshot(chief, "2-chief-dashboard")
    approve(chief, ARTICLE["title"], lambda page: site.screenshot(page, "2-chief-review", False))
    article.refresh_from_db()
    assert article.live

    open_reader(reader, f"/reader/en/news/{article.slug}/")
    expect_article(reader, ARTICLE, box_title="Reference", locale="en")
    expect(reader.locator(".languages")).to_contain_text("Қазақша (not yet translated)")
    site.screenshot(reader, "2-reader-en")

    # 3. A translator translates it into Kazakh in wagtail-localize's editor and submits
    #    the translation for review (translators cannot publish); the chief approves it.
    translator = site.login("translator")
    translator.goto(f"/admin/pages/{article.pk}/edit/")
    page_menu(translator, "Translate this page")
    translator.get_by_label("Kazakh").check()
    translator.get_by_role("button", name="Submit").click()
    # The editor's main button submits for review (tests/browser/test_translation_editor.py).
    expect(footer_main(translator)).to_contain_text("Submit for review: Kazakh")
    seen = translate_segments(translator, KAZAKH)
    assert set(seen) == set(KAZAKH), seen
    site.screenshot(translator, "3-translator", full_page=False)
    footer_main(translator).click()
    expect_message(translator, "submitted to a chief editor for review")
    kazakh = NewsArticlePage.objects.get(
        locale__language_code="kk", translation_key=article.translation_key
    )
    assert not kazakh.live

    # A translation opens in the translation editor, where a chief editor approves it,
    # which publishes it.
    chief.goto("/admin/")
    chief.get_by_role("link", name=KAZAKH[ARTICLE["title"]]).click()
    expect(footer_main(chief)).to_contain_text("Approve and Publish: Kazakh")
    footer_main(chief).click()
    expect_message(chief, "was approved and published")
    kazakh.refresh_from_db()
    assert kazakh.live
    chief.goto("/admin/")
    expect(chief.get_by_role("link", name=KAZAKH[ARTICLE["title"]])).to_have_count(0)

    # 4. The reader shows it in Kazakh: from the English page, through the language switcher.
    open_reader(reader, f"/reader/en/news/{article.slug}/")
    reader.get_by_role("link", name="Қазақша").click()
    reader.wait_for_url(f"**/reader/kk/news/{kazakh.slug}/")
    expect_article(
        reader,
        {key: KAZAKH.get(value, value) for key, value in ARTICLE.items()},
        box_title="Анықтама",
        locale="kk",
    )
    expect(reader.locator(".languages").get_by_role("link", name="English")).to_be_visible()
    site.screenshot(reader, "4-reader-kk")


def test_preview_shows_the_draft_before_it_is_published(site):
    # A demo article written in English (translations open in another editor).
    article = NewsArticlePage.objects.get(
        locale__language_code="en",
        title="Compatriots in Germany get answers on studying in Kazakhstan",
    )
    public_path = f"/reader/en/news/{article.slug}/"
    draft_title = "Compatriots in Germany learn about university quotas in Kazakhstan"

    # 5. The editor changes the title and opens the preview: the reader renders the draft.
    editor = site.login("editor")
    editor.goto(f"/admin/pages/{article.pk}/edit/")
    editor.locator("#id_title").fill(draft_title)
    editor.get_by_role("button", name="Toggle preview").click()
    # The panel's iframe holds wagtail-headless-preview's page, which frames the reader.
    preview = editor.frame_locator("#w-preview-iframe").frame_locator("iframe")
    expect(preview.get_by_role("status")).to_contain_text("Preview")
    expect(preview.get_by_role("heading", level=1)).to_have_text(draft_title)
    site.screenshot(editor, "5-editor-preview", full_page=False)

    # The same preview on its own: /reader/?content_type=…&token=…
    preview_url = next(frame.url for frame in editor.frames if "token=" in frame.url)
    assert preview_url.startswith(f"{site.url}/reader/?content_type=news.newsarticlepage&token=")
    reader = site.new_page()
    open_reader(reader, preview_url)
    expect(reader.locator(".preview-banner")).to_be_visible()
    expect(reader.get_by_role("heading", level=1)).to_have_text(draft_title)
    site.screenshot(reader, "5-reader-preview")

    # The public page still shows the published title.
    open_reader(reader, public_path)
    expect(reader.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(reader.locator(".preview-banner")).to_have_count(0)
    site.screenshot(reader, "5-reader-public")


def test_scheduled_article_appears_after_its_time(site):
    from cms.worker import publish_scheduled

    title = "Astana hosts a forum of Kazakh youth from abroad"
    chief = site.login("chief")
    chief.goto(f"/admin/pages/add/news/newsarticlepage/{news_index('en').pk}/")
    chief.locator("#id_title").fill(title)
    chief.locator("#id_dateline").fill("ASTANA")
    chief.locator("#id_lead").fill("Young compatriots from twelve countries meet in Astana.")

    # 6. Schedule it a few seconds ahead. The date picker works in minutes: the schedule
    #    is set for a later minute in the dialog, then the input (still in the form) gets
    #    the exact time, so that the test need not wait for the next minute.
    chief.get_by_role("button", name="Toggle status").click()
    chief.get_by_role("button", name="Set schedule").click()
    dialog = chief.get_by_role("dialog")
    go_live_input = dialog.get_by_label("Go live date/time")
    later = timezone.localtime() + datetime.timedelta(minutes=5)
    go_live_input.fill(later.strftime("%Y-%m-%d %H:%M"))
    # The picker's calendar stays open under the input and, on some dates, over the
    # dialog's button: closed as a click elsewhere would, once open (it opens 100 ms
    # after the input takes focus; hidden before, it opened again over the button).
    expect(chief.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    chief.evaluate(
        "document.querySelectorAll('.xdsoft_datetimepicker').forEach(p => p.style.display = 'none')"
    )
    dialog.get_by_role("button", name="Save schedule").click()
    expect(dialog).to_be_hidden()
    settle_autosave(chief)  # before the clock starts: it may take seconds
    go_live = timezone.localtime() + datetime.timedelta(seconds=SCHEDULE_AHEAD)
    chief.locator("#id_go_live_at").evaluate(  # the same input, in the closed dialog
        "(input, value) => { input.value = value; }", go_live.strftime("%Y-%m-%d %H:%M:%S")
    )
    footer_action(chief, "Schedule to publish")
    expect_message(chief, "scheduled for publishing")
    article = NewsArticlePage.objects.get(title=title)
    assert not article.live and article.go_live_at is not None
    chief.close()  # no more admin requests beside the test's own database work

    reader = site.new_page()
    open_reader(reader, "/reader/en/")
    expect(reader.get_by_role("link", name=title)).to_have_count(0)
    site.screenshot(reader, "6-reader-before")

    # After its time, the worker's periodic job publishes it.
    time.sleep(max(0.0, (go_live - timezone.localtime()).total_seconds()) + 0.5)
    publish_scheduled()
    article.refresh_from_db()
    assert article.live

    open_reader(reader, "/reader/en/")
    reader.get_by_role("link", name=title).click()
    reader.wait_for_url(f"**/reader/en/news/{article.slug}/")
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)
    site.screenshot(reader, "6-reader-after")


def test_reader_pages(site):
    """The reader on its own: home, ticker, pagination, languages, partner pages, 404."""
    reader = site.new_page()
    open_reader(reader, "/reader/")
    reader.wait_for_url("**/reader/kk/")
    expect(reader.locator("html")).to_have_attribute("lang", "kk")
    expect(reader.locator(".ticker .weather")).to_contain_text("Алматы")
    expect(reader.locator(".ticker .rates")).to_contain_text("USD")
    cards = reader.locator(".cards > li")
    expect(cards).to_have_count(6)
    site.screenshot(reader, "home-kk")
    more = reader.get_by_role("button", name="Тағы жүктеу")
    more.click()
    expect(cards).to_have_count(7)  # the demo's seven Kazakh articles
    expect(more).to_be_hidden()

    reader.locator(".languages").get_by_role("link", name="English").click()
    reader.wait_for_url("**/reader/en/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Latest news")
    reader.get_by_role("link", name="Kazakh language online: free courses for compatriots").click()
    expect(reader.locator(".facts")).to_contain_text("Application deadline")
    expect(reader.get_by_role("heading", name="How to apply")).to_be_visible()
    site.screenshot(reader, "programme-en")
    reader.go_back()
    reader.get_by_role("link", name="Kazakh Culture Days in Tokyo").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Kazakh Culture Days in Tokyo")
    expect(reader.locator(".gallery-grid img")).to_have_count(3)

    # "View live" in the admin opens the public path, which sends the reader here.
    reader.goto("/en/news/association-of-kazakhs-founded-in-japan/")
    reader.wait_for_url("**/reader/en/news/association-of-kazakhs-founded-in-japan/")
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "Association of Kazakhs founded in Japan"
    )

    # An article not yet translated into Russian: the Kazakh text, said so.
    open_reader(reader, "/reader/ru/news/ombydagy-qazaq-studentteri-abai-oqularyn-otkizdi/")
    expect(reader.get_by_role("note")).to_contain_text("ещё не переведена на русский")
    expect(reader.locator("article")).to_have_attribute("lang", "kk")
    site.screenshot(reader, "fallback-ru")

    open_reader(reader, "/reader/en/news/no-such-article/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Page not found")
    site.screenshot(reader, "not-found")
