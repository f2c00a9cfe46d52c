"""An alias taken over by a translation is not an English article until one is approved.

The steps a new translator takes: open the English alias of the kk-only demo article
(the Abai readings in Omsk), choose "Translate this page", then "Submit". wagtail-
localize converts the alias into a page of its own, live, with the Kazakh text. The
English lists, feed, reader and a partner's change feed must not have it; once the
translator's English title is submitted and the chief editor approves it, they do.
Screenshots: var/screenshots/.
"""

import json
import urllib.request

import pytest
from wagtail.models import Page

from news.models import NewsArticlePage
from syndication.keys import create_api_key
from tests.syndication.syndication_helpers import make_client

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

from .admin import expect_message, footer_main, translate_segment  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SOURCE_TITLE = "Омбыдағы қазақ студенттері Абай оқуларын өткізді"  # kk only in the demo
ENGLISH_TITLE = "Kazakh students in Omsk hold Abai readings"
LIST = '{ newsArticles(locale: "en", perPage: 100) { items { id title contentLocale } } }'
CHANGES = "{ syndicationChanges(first: 100) { edges { node { action articleId locale } } } }"


def post_graphql(site, query, key=None):
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(
        f"{site.url}/graphql/", json.dumps({"query": query}).encode(), headers
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["data"]


def english_titles(site):
    return {item["title"] for item in post_graphql(site, LIST)["newsArticles"]["items"]}


def feed_titles(site):
    with urllib.request.urlopen(f"{site.url}/feeds/en/news.json", timeout=10) as response:
        return {item["title"] for item in json.load(response)["items"]}


def partner_changes(site, key):
    edges = post_graphql(site, CHANGES, key)["syndicationChanges"]["edges"]
    return [(e["node"]["action"], int(e["node"]["articleId"])) for e in edges]


def reader_titles(site, reader):
    reader.goto("/reader/en/")
    reader.wait_for_selector("body[data-route]", state="attached")
    return reader.locator(".cards .card-title").all_inner_texts()


def test_translate_this_page_does_not_publish_the_kazakh_text_as_english(site):
    source = NewsArticlePage.objects.get(locale__language_code="kk", title=SOURCE_TITLE)
    alias = NewsArticlePage.objects.get(
        locale__language_code="en", translation_key=source.translation_key
    )
    assert alias.alias_of_id == source.pk
    _, key = create_api_key(make_client("English partner", locales_=("en",)))
    held = partner_changes(site, key)  # the English articles, from the client's start
    assert held and alias.pk not in {pk for _action, pk in held}
    reader = site.new_page()
    before = set(reader_titles(site, reader))

    # 1. The translator opens the English alias, "Translate this page", "Submit".
    translator = site.login("translator")
    translator.goto(f"/admin/pages/{alias.pk}/edit/")
    translator.get_by_role("link", name="Translate this page").click()
    expect(translator.get_by_label("English")).to_be_checked()
    translator.get_by_role("button", name="Submit").click()
    expect(footer_main(translator)).to_contain_text("Submit for review: English")
    site.screenshot(translator, "1-translator-editor", full_page=False)
    page = Page.objects.get(pk=alias.pk)
    assert page.live and page.alias_of_id is None  # converted, still live, Kazakh text

    # Nothing in English has it: not the API, the feed, the reader or the partner.
    assert SOURCE_TITLE not in english_titles(site)
    assert SOURCE_TITLE not in feed_titles(site)
    assert set(reader_titles(site, reader)) == before
    site.screenshot(reader, "1-reader-en")
    assert partner_changes(site, key) == held

    # 2. The translator translates the title and submits it for review: still nothing.
    translate_segment(translator, SOURCE_TITLE, ENGLISH_TITLE)
    footer_main(translator).click()
    expect_message(translator, "submitted to a chief editor for review")
    assert ENGLISH_TITLE not in english_titles(site) | feed_titles(site)
    assert partner_changes(site, key) == held

    # 3. The chief editor approves it from the dashboard: now it is an English article.
    chief = site.login("chief")
    chief.get_by_role("link", name=ENGLISH_TITLE).click()
    expect(footer_main(chief)).to_contain_text("Approve and Publish: English")
    footer_main(chief).click()
    expect_message(chief, "was approved and published")
    assert ENGLISH_TITLE in english_titles(site)
    assert ENGLISH_TITLE in feed_titles(site)
    assert ENGLISH_TITLE in reader_titles(site, reader)
    site.screenshot(reader, "3-reader-en")
    assert partner_changes(site, key) == [*held, ("PUBLISHED", alias.pk)]
