"""The reference reader in a real browser: what the server and the page say for an
article that is not there, and a card without a picture. Screenshots: var/screenshots/."""

import pytest

from news.models import NewsArticlePage

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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
