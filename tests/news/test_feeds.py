"""Public feeds: valid RSS/Atom/JSON Feed, only what any reader may see, cacheable."""

import datetime
import json

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from news.models import NewsArticlePage
from tests.factories import locales, make_article, make_category, make_image, translate

FRONT = "http://front.test"
CONTENT_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}


def body(image):
    return json.dumps(
        [
            {"type": "paragraph", "value": "<p>First <b>words</b> &amp; more.</p>"},
            {"type": "heading", "value": {"text": "Background", "level": "h3"}},
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "A yurt",
                    "caption": "Cap",
                    "credit": "Ph",
                },
            },
            {"type": "quote", "value": {"quote": "We keep in touch.", "attribution": "A member"}},
            {"type": "fact_box", "value": {"title": "Reference", "text": "<p>Since 1992.</p>"}},
        ]
    )


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.FRONTEND_BASE_URL = FRONT


@pytest.fixture
def news(trees):
    """One article of each kind a reader must not see, beside two visible ones."""
    _, indexes = trees
    hours = lambda n: timezone.now() - datetime.timedelta(hours=n)  # noqa: E731
    culture = make_category("Culture", "culture", "en")
    image = make_image(size=(1600, 900))
    main = make_article(
        indexes["en"],
        "Tokyo meeting",
        categories=[culture],
        byline="A. Reporter",
        hero_image=image,
        hero_alt="Compatriots in Tokyo",
        hero_credit="Photo: Kazinform",
        body=body(image),
        published_at=hours(1),
    )
    other = make_article(indexes["en"], "Older story", published_at=hours(5))
    make_article(indexes["en"], "Draft story", live=False)
    make_article(indexes["en"], "Pulled story", published_at=hours(2)).unpublish()
    expired = make_article(indexes["en"], "Expired story", published_at=hours(3))
    NewsArticlePage.objects.filter(pk=expired.pk).update(expire_at=hours(1))
    locked = make_article(indexes["en"], "Locked story", published_at=hours(2))
    PageViewRestriction.objects.create(page=locked, restriction_type="password", password="x")
    kk_story = make_article(indexes["kk"], "Kk story", published_at=hours(4))
    kk_story.copy_for_translation(locales()["en"], alias=True)  # an alias in the en tree
    return {"main": main, "other": other, "culture": culture, "indexes": indexes}


def fetch(client, code="en", fmt="rss", **params):
    return client.get(f"/feeds/{code}/news.{fmt}", params)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_xml_feeds_parse_and_list_only_visible_articles(client, news, fmt):
    response = fetch(client, fmt=fmt)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(CONTENT_TYPES[fmt])
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.title for e in feed.entries] == ["Tokyo meeting", "Older story"]
    assert feed.feed.title == "Otandas — news"
    assert feed.feed.get("language") == "en"
    entry = feed.entries[0]
    assert entry.link == f"{FRONT}/en/news/tokyo-meeting/"
    assert entry.id.startswith("tag:") and entry.id.endswith(f":{news['main'].translation_key}:en")
    assert entry.summary == "Lead of Tokyo meeting."
    assert entry.author == "A. Reporter"
    assert [t.term for t in entry.tags] == ["Culture"]
    assert entry.published_parsed and entry.updated_parsed
    content = entry.content[0].value
    assert "<figcaption>Cap <small>Ph</small></figcaption>" in content
    assert "<h3>Background</h3>" in content and 'alt="A yurt"' in content
    assert '<aside class="fact-box"><h2>Reference</h2><p>Since 1992.</p></aside>' in content
    assert "<blockquote><p>We keep in touch.</p></blockquote>" in content, content
    media = entry.media_content[0]
    assert media["url"].startswith("http") and "width-1280" in media["url"]
    assert media["medium"] == "image" and media["width"] == "1280" and media["height"] == "720"
    assert entry.media_credit[0]["content"] == "Photo: Kazinform"
    assert "Compatriots in Tokyo" in response.content.decode()


@pytest.mark.django_db
def test_json_feed(client, news):
    response = fetch(client, fmt="json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/feed+json")
    feed = response.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] == f"{FRONT}/en/news/"
    assert feed["feed_url"].endswith("/feeds/en/news.json") and feed["language"] == "en"
    assert [item["title"] for item in feed["items"]] == ["Tokyo meeting", "Older story"]
    for item in feed["items"]:
        assert {"id", "url", "title", "content_html", "date_published"} <= item.keys()
        datetime.datetime.fromisoformat(item["date_published"])
    item = feed["items"][0]
    assert item["url"] == f"{FRONT}/en/news/tokyo-meeting/"
    assert item["image"].startswith("http") and item["tags"] == ["Culture"]
    assert item["authors"] == [{"name": "A. Reporter"}]
    assert "fact-box" in item["content_html"]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_category_filter_and_unknowns(client, news, fmt):
    other_kk = make_category("Мәдениет", "madeniet", "kk", news["culture"].translation_key)
    assert other_kk.translation_key == news["culture"].translation_key
    response = fetch(client, fmt=fmt, category="culture")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Tokyo meeting" in text and "Older story" not in text
    assert fetch(client, fmt=fmt, category="nope").status_code == 404
    assert fetch(client, fmt=fmt, category="madeniet").status_code == 404  # kk slug, en feed
    assert fetch(client, code="xx", fmt=fmt).status_code == 404
    assert client.post(f"/feeds/en/news.{fmt}").status_code == 405


@pytest.mark.django_db
def test_each_locale_has_its_own_items(client, news):
    translate(news["main"], "ru", title="Встреча в Токио", slug="vstrecha")
    feed = feedparser.parse(fetch(client, code="ru").content)
    assert [e.title for e in feed.entries] == ["Встреча в Токио"]
    assert feed.entries[0].link == f"{FRONT}/ru/news/vstrecha/"
    assert feed.feed.language == "ru"
    kk = feedparser.parse(fetch(client, code="kk").content)
    assert [e.title for e in kk.entries] == ["Kk story"]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_cacheable_and_conditional(client, news, fmt):
    response = fetch(client, fmt=fmt)
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]
    assert response["Content-Language"] == "en"
    again = client.get(f"/feeds/en/news.{fmt}", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


@pytest.mark.django_db
def test_latest_fifty_newest_first(client, trees):
    _, indexes = trees
    start = timezone.now() - datetime.timedelta(days=10)
    for n in range(52):
        make_article(indexes["en"], f"Story {n}", published_at=start + datetime.timedelta(hours=n))
    assert Page.objects.filter(title__startswith="Story ").count() == 52
    for fmt in ("rss", "atom"):
        feed = feedparser.parse(fetch(client, fmt=fmt).content)
        assert len(feed.entries) == 50
        assert feed.entries[0].title == "Story 51" and feed.entries[-1].title == "Story 2"
    items = fetch(client, fmt="json").json()["items"]
    assert len(items) == 50 and items[0]["title"] == "Story 51"


@pytest.mark.django_db
def test_empty_feed_is_valid(client, trees):
    feed = feedparser.parse(fetch(client, fmt="atom").content)
    assert not feed.bozo and feed.entries == []
    assert fetch(client, fmt="json").json()["items"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["rss", "json"])
def test_queries_do_not_grow_with_items(client, trees, fmt):
    """Hero and body images of the whole list load at once (cms.api.image_loader)."""
    _, indexes = trees
    counts = []
    for batch in range(2):
        for n in range(3):
            image = make_image(size=(300, 200))
            make_article(indexes["en"], f"S{batch}{n}", hero_image=image, body=body(image))
        fetch(client, fmt=fmt)  # renditions are made once, as ahead of requests in production
        with CaptureQueriesContext(connection) as queries:
            assert fetch(client, fmt=fmt).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_links_in_the_body_point_at_the_front_end_in_the_feeds_locale(client, trees):
    _, indexes = trees
    target = make_article(indexes["kk"], "Target")
    translate(target, "en", title="Target en", slug="target-en")
    paragraph = f'<p>See <a linktype="page" id="{target.pk}">this</a>.</p>'
    make_article(
        indexes["en"], "Linking", body=json.dumps([{"type": "paragraph", "value": paragraph}])
    )
    items = fetch(client, fmt="json").json()["items"]
    linking = next(item for item in items if item["title"] == "Linking")
    assert f'<a href="{FRONT}/en/news/target-en/">this</a>' in linking["content_html"]
