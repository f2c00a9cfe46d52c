"""Cursor pagination, the page cap and the bounded total, as an app scrolling a feed sees them."""

import base64
import datetime

import pytest
from django.utils import timezone

from cms.api import pagination
from tests.factories import make_article, make_category, make_country, translate

pytestmark = pytest.mark.django_db

FEED = """
query($after: String, $page: Int, $perPage: Int, $category: String, $country: String,
      $tag: String, $includeUntranslated: Boolean) {
  newsArticles(locale: "en", after: $after, page: $page, perPage: $perPage,
               category: $category, country: $country, tag: $tag,
               includeUntranslated: $includeUntranslated) {
    items { title }
    pageInfo { endCursor hasNextPage }
  }
}
"""
TOTAL = """
query($after: String, $page: Int, $perPage: Int) {
  newsArticles(locale: "en", after: $after, page: $page, perPage: $perPage) {
    items { title }
    pagination { total totalIsExact count currentPage nextPage totalPages }
  }
}
"""
PROGRAMMES = """
query($after: String) {
  programmes(locale: "en", perPage: 2, after: $after) {
    items { title } pageInfo { endCursor hasNextPage }
  }
}
"""


@pytest.fixture
def archive(trees):
    """Nine en articles; Story 2 to 6 published at the very same second, Story 8 newest.
    The odd ones are in Culture, from Japan and tagged `diaspora`."""
    _, indexes = trees
    culture = make_category("Culture", "culture", "en")
    japan = make_country("Japan", "JP", "en")
    start = timezone.now() - datetime.timedelta(days=1)
    articles = []
    for number in range(9):
        minutes = 2 if 2 <= number <= 6 else number
        odd = number % 2 == 1
        article = make_article(
            indexes["en"],
            f"Story {number}",
            categories=[culture] if odd else [],
            country=japan if odd else None,
            published_at=start + datetime.timedelta(minutes=minutes),
        )
        if odd:
            article.tags.set(["diaspora"])
            article.save_revision().publish()
        articles.append(article)
    return {"indexes": indexes, "articles": articles}


def run(graphql, query, **variables):
    status, body = graphql(query, variables)
    assert status == 200, body
    return body


def read_all(graphql, per_page, **filters):
    """Scroll the feed to its end with cursors; every title in order, and the pages read."""
    titles, after, pages = [], None, 0
    while True:
        body = run(graphql, FEED, perPage=per_page, after=after, **filters)
        assert "errors" not in body, body
        feed = body["data"]["newsArticles"]
        titles += [item["title"] for item in feed["items"]]
        pages += 1
        if not feed["pageInfo"]["hasNextPage"]:
            return titles, pages
        after = feed["pageInfo"]["endCursor"]
        assert pages < 20


def read_by_page(graphql, per_page, **filters):
    titles, page = [], 1
    while True:
        body = run(graphql, FEED, perPage=per_page, page=page, **filters)
        items = body["data"]["newsArticles"]["items"]
        if not items:
            return titles
        titles += [item["title"] for item in items]
        page += 1


@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 100])
def test_scrolling_with_cursors_shows_every_article_once_in_order(archive, graphql, per_page):
    """Five articles share one publication second: none is lost or repeated at any page size."""
    titles, pages = read_all(graphql, per_page)
    assert titles == read_by_page(graphql, 4)
    assert len(titles) == 9 and len(set(titles)) == 9
    assert titles[0] == "Story 8" and titles[-2:] == ["Story 1", "Story 0"]
    assert pages == -(-9 // per_page)


def test_a_page_numbered_page_hands_out_a_cursor_to_continue_from(archive, graphql):
    first = run(graphql, FEED, perPage=3)["data"]["newsArticles"]
    rest = run(graphql, FEED, perPage=3, after=first["pageInfo"]["endCursor"])
    page2 = run(graphql, FEED, perPage=3, page=2)
    assert rest["data"]["newsArticles"]["items"] == page2["data"]["newsArticles"]["items"]


def test_the_last_page_says_so_and_its_cursor_reads_nothing_more(archive, graphql):
    last = run(graphql, FEED, perPage=9)["data"]["newsArticles"]
    assert last["pageInfo"]["hasNextPage"] is False
    after = run(graphql, FEED, after=last["pageInfo"]["endCursor"])["data"]["newsArticles"]
    assert after == {
        "items": [],
        "pageInfo": {"endCursor": last["pageInfo"]["endCursor"], "hasNextPage": False},
    }


@pytest.mark.parametrize(
    "filters",
    [{"category": "culture"}, {"country": "jp"}, {"tag": "diaspora"}],
)
def test_cursors_work_with_the_filters(archive, graphql, filters):
    titles, _ = read_all(graphql, 2, **filters)
    assert titles == ["Story 7", "Story 5", "Story 3", "Story 1"]


def test_cursors_work_with_untranslated_articles(archive, graphql, trees):
    """An article not yet translated into ru is listed with includeUntranslated, in order."""
    _, indexes = trees
    articles = archive["articles"]
    translate(articles[4], "ru", title="История 4")
    for article in articles:  # aliases of the others in the ru tree
        if article is not articles[4]:
            article.create_alias(parent=indexes["ru"], update_locale=indexes["ru"].locale)
    query = FEED.replace('locale: "en"', 'locale: "ru"')
    titles, after = [], None
    while True:
        body = run(graphql, query, perPage=2, after=after, includeUntranslated=True)
        feed = body["data"]["newsArticles"]
        titles += [item["title"] for item in feed["items"]]
        if not feed["pageInfo"]["hasNextPage"]:
            break
        after = feed["pageInfo"]["endCursor"]
    assert len(titles) == 9 and "История 4" in titles and "Story 4" not in titles
    own = run(graphql, query, perPage=5)["data"]["newsArticles"]["items"]
    assert [item["title"] for item in own] == ["История 4"]


def bad_input(body):
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    return error


def forged(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "nonsense",
        "",
        "!!!",
        forged("pub:yesterday|3"),
        forged("pub:2026-01-01T00:00:00|3"),
        forged("seq:12"),
        forged("pub:2026-01-01T00:00:00+00:00|x"),
    ],
)
def test_a_malformed_cursor_is_bad_input(archive, graphql, cursor):
    error = bad_input(run(graphql, FEED, after=cursor))
    assert error["extensions"]["argument"] == "after"
    assert "cursor" in error["message"]


def test_after_with_a_page_number_is_bad_input(archive, graphql):
    cursor = run(graphql, FEED, perPage=2)["data"]["newsArticles"]["pageInfo"]["endCursor"]
    assert "not both" in bad_input(run(graphql, FEED, after=cursor, page=2))["message"]
    assert run(graphql, FEED, after=cursor, page=1)["data"]["newsArticles"]["items"]


def test_pages_deeper_than_the_cap_point_to_the_cursor(archive, graphql):
    cap = pagination.MAX_PAGE_DEPTH
    assert run(graphql, FEED, perPage=100, page=cap // 100)["data"]["newsArticles"]["items"] == []
    error = bad_input(run(graphql, FEED, perPage=100, page=cap // 100 + 1))
    assert error["extensions"]["argument"] == "page" and "`after:" in error["message"]
    assert error["extensions"]["max_depth"] == cap


def test_the_total_is_exact_up_to_the_bound_then_a_lower_bound(archive, graphql, monkeypatch):
    exact = run(graphql, TOTAL, perPage=2)["data"]["newsArticles"]["pagination"]
    assert exact == {
        "total": 9,
        "totalIsExact": True,
        "count": 2,
        "currentPage": 1,
        "nextPage": 2,
        "totalPages": 5,
    }
    monkeypatch.setattr(pagination, "EXACT_TOTAL_UP_TO", 5)
    bounded = run(graphql, TOTAL, perPage=2)["data"]["newsArticles"]["pagination"]
    assert (bounded["total"], bounded["totalIsExact"], bounded["totalPages"]) == (5, False, 3)
    # a page beyond the bound still counts what it shows, and knows a next page
    deep = run(graphql, TOTAL, perPage=2, page=4)["data"]["newsArticles"]["pagination"]
    assert (deep["total"], deep["totalIsExact"], deep["nextPage"]) == (9, False, 5)
    # the last page tells the exact total by itself
    last = run(graphql, TOTAL, perPage=2, page=5)["data"]["newsArticles"]["pagination"]
    assert (last["total"], last["totalIsExact"], last["nextPage"]) == (9, True, None)


def test_a_cursor_page_counts_the_whole_list(archive, graphql):
    cursor = run(graphql, FEED, perPage=4)["data"]["newsArticles"]["pageInfo"]["endCursor"]
    page = run(graphql, TOTAL, perPage=4, after=cursor)["data"]["newsArticles"]
    assert [item["title"] for item in page["items"]] == ["Story 4", "Story 3", "Story 2", "Story 1"]
    assert page["pagination"] == {
        "total": 9,
        "totalIsExact": True,
        "count": 4,
        "currentPage": 1,
        "nextPage": None,
        "totalPages": 3,
    }


def test_programmes_have_the_cursor_too(graphql, trees):
    from partners.models import ProgrammeIndexPage, ProgrammePage
    from tests.factories import publish

    homes, _ = trees
    index = homes["en"].add_child(instance=ProgrammeIndexPage(title="P", slug="programmes"))
    start = timezone.now() - datetime.timedelta(days=1)
    for number in range(3):
        programme = index.add_child(
            instance=ProgrammePage(title=f"Programme {number}", summary="S")
        )
        publish(programme, at=start + datetime.timedelta(minutes=number))
    first = run(graphql, PROGRAMMES)["data"]["programmes"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = run(graphql, PROGRAMMES, after=first["pageInfo"]["endCursor"])["data"]["programmes"]
    titles = [item["title"] for item in first["items"] + rest["items"]]
    assert titles == ["Programme 2", "Programme 1", "Programme 0"]
    assert rest["pageInfo"]["hasNextPage"] is False
