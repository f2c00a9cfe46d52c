"""The reference reader in a real browser: what the server and the page say for an
article that is not there, and a card without a picture. Screenshots: var/screenshots/."""

import re

import pytest

from news.models import NewsArticlePage

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CYRILLIC = re.compile(r"[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]")


def test_missing_article_and_a_card_without_an_image(site):
    page = site.new_page()
    response = page.goto("/reader/en/news/no-such-article/")
    page.wait_for_selector("body[data-route]", state="attached")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")

    article = NewsArticlePage.objects.live().filter(locale__language_code="en").first()
    article.hero_image = None
    article.save_revision().publish()
    page.goto("/reader/en/")
    page.wait_for_selector("body[data-route]", state="attached")
    card = page.locator(".card", has_text=article.title)
    expect(card).to_have_class("card card--text")
    expect(card.locator("img")).to_have_count(0)
    # Its box ends with its text, however tall the pictured cards beside it are.
    box = card.locator("article").bounding_box()
    lead = card.locator(".card-lead").bounding_box()
    assert box["y"] + box["height"] - (lead["y"] + lead["height"]) < 24
    site.screenshot(page, "cards")


def test_kazakh_in_latin_script_from_the_language_switcher(site):
    article = NewsArticlePage.objects.live().filter(locale__language_code="kk").first()
    page = site.new_page()
    page.goto(f"/reader/kk/news/{article.slug}/")
    page.wait_for_selector("body[data-route='article']", state="attached")
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)

    page.get_by_role("link", name="Qazaqşa").click()
    expect(page).to_have_url(f"{site.url}/reader/kk-latn/news/{article.slug}/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).not_to_have_text(article.title)
    assert not CYRILLIC.search(heading.inner_text()), heading.inner_text()
    assert page.evaluate("document.documentElement.lang") == "kk-latn"
    expect(page.locator(".brand-tagline")).to_have_text("Şeteldegı qazaqtar turaly jañalyqtar")
    site.screenshot(page, "article-kk-latn")

    page.get_by_role("link", name="Қазақша").click()
    expect(page).to_have_url(f"{site.url}/reader/kk/news/{article.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)

    page.goto("/reader/kk-latn/")
    page.wait_for_selector("body[data-route='home']", state="attached")
    titles = page.locator(".card-title").all_inner_texts()
    assert titles and not any(CYRILLIC.search(title) for title in titles), titles


def test_the_reader_runs_on_its_registered_documents_only(site, settings):
    """The manifest (reader/persisted-queries.json) is what app.js sends, hash for hash: with
    trusted documents only, every page of the reader still loads, by persisted GETs."""
    from django.core.management import call_command

    from cms.api.persisted_queries import recent

    call_command("register_persisted_queries", "reader/persisted-queries.json")
    recent.clear()
    settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY = True
    article = NewsArticlePage.objects.live().filter(locale__language_code="en").first()
    page = site.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r) if "/graphql/" in r.url else None)
    page.goto("/reader/en/")
    page.wait_for_selector("body[data-route='home']", state="attached")
    expect(page.locator(".card").first).to_be_visible()
    page.goto(f"/reader/en/news/{article.slug}/")
    page.wait_for_selector("body[data-route='article']", state="attached")
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    assert requests and all(r.method == "GET" and "extensions=" in r.url for r in requests)
    statuses = {r.response().status for r in requests}
    assert statuses == {200}, statuses
