"""Year folders keep the news index under the tree's limit, with every URL unchanged."""

import datetime
import json
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news import archive
from news.models import NewsArticlePage, NewsYearPage
from tests.factories import make_article, publish

pytestmark = pytest.mark.django_db

ARTICLE = """
query ($slug: String!) {
  newsArticle(locale: "en", slug: $slug) { url urlPath parent { title } }
  page(urlPath: "/en/news/tokyo/") { title url }
}
"""
NEWS_LIST = """
{
  newsArticles(locale: "en") { items { slug url parent { title } } }
  pages(locale: "en") { title contentType }
  index: page(urlPath: "/en/news/") {
    title contentType
    children { title contentType }
    descendants { title contentType }
  }
  folder: search(query: "2025", locale: "en") { ... on PageInterface { title } }
  article: search(query: "Tokyo", locale: "en") { ... on PageInterface { title } }
}
"""


def at(year, month=6):
    return datetime.datetime(year, month, 1, 12, tzinfo=datetime.UTC)


def article_in(index, year, title, **fields):
    return make_article(archive.year_folder(index, year), title, published_at=at(year), **fields)


def test_an_article_in_a_year_folder_keeps_its_url(trees, graphql, client, settings):
    settings.FRONTEND_BASE_URL = "http://front.test"
    _, news = trees
    article = article_in(news["en"], 2025, "Tokyo")
    folder = article.get_parent().specific
    assert isinstance(folder, NewsYearPage) and folder.slug == "2025"
    assert article.url_path == news["en"].url_path + "tokyo/"

    status, body = graphql(ARTICLE, {"slug": "tokyo"})
    assert status == 200 and "errors" not in body
    assert body["data"]["newsArticle"]["url"] == "/en/news/tokyo/"
    assert body["data"]["newsArticle"]["parent"] == {"title": "News"}  # not the folder
    assert body["data"]["page"]["title"] == "Tokyo"

    feed = json.loads(client.get("/feeds/en/news.json").content)
    assert [item["url"] for item in feed["items"]] == ["http://front.test/en/news/tokyo/"]


def test_wagtail_routes_the_public_path_not_the_folder_path(trees):
    homes, news = trees
    article = article_in(news["kk"], 2026, "Almaty")
    home = homes["kk"].specific
    request = RequestFactory().get("/")
    assert home.route(request, ["news", "almaty"]).page.pk == article.pk
    for path in (["news", "2026", "almaty"], ["news", "2026"], ["news", "nothing"]):
        with pytest.raises(Http404):
            home.route(request, path)
    # A draft is no more reachable through the section than directly.
    draft = make_article(archive.year_folder(news["kk"], 2026), "Draft", live=False)
    with pytest.raises(Http404):
        home.route(request, ["news", draft.slug])


def test_url_paths_survive_slug_changes_moves_and_copies(trees):
    _, news = trees
    article = article_in(news["en"], 2025, "Tokyo")
    index_path = news["en"].url_path
    folder_2025 = article.get_parent().specific

    folder_2025.slug = "y2025"
    folder_2025.save()
    article.refresh_from_db()
    assert folder_2025.url_path == index_path and article.url_path == index_path + "tokyo/"

    article.slug = "tokyo-days"
    article.save()
    assert NewsArticlePage.objects.get(pk=article.pk).url_path == index_path + "tokyo-days/"

    folder_2026 = archive.year_folder(news["en"], 2026)
    article.move(folder_2026, pos="last-child")
    moved = NewsArticlePage.objects.get(pk=article.pk)
    assert moved.get_parent().pk == folder_2026.pk
    assert moved.url_path == index_path + "tokyo-days/"

    copy = moved.copy(to=folder_2025, update_attrs={"slug": "tokyo-copy"})
    assert copy.url_path == index_path + "tokyo-copy/"

    # A folder moved to another section: its articles follow without the year in the URL.
    kk_index = news["kk"]
    Page.objects.get(pk=folder_2026.pk).move(kk_index, pos="last-child")
    assert NewsYearPage.objects.get(pk=folder_2026.pk).url_path == kk_index.url_path
    assert NewsArticlePage.objects.get(pk=article.pk).url_path == kk_index.url_path + "tokyo-days/"


def article_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Who, what, where, when.",
            "body": streamfield([]),
            "categories": inline_formset([]),
            "comments": inline_formset([]),
            "allow_syndication": "on",
        }
    )


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@e.test", "x")
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", parent.pk])


def test_a_slug_taken_in_another_year_is_refused_by_the_admin_form(trees, superuser_client):
    _, news = trees
    article_in(news["en"], 2024, "Tokyo")
    folder_2026 = archive.year_folder(news["en"], 2026)
    response = superuser_client.post(add_url(folder_2026), article_form("Tokyo again", "tokyo"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "already in use in this news section" in errors["slug"][0]
    assert NewsArticlePage.objects.filter(slug="tokyo").count() == 1
    # The same slug in another locale's section is fine.
    response = superuser_client.post(
        add_url(archive.year_folder(news["kk"], 2026)), article_form("Tokyo", "tokyo")
    )
    assert response.status_code == 302
    # Saving outside the admin is refused too (Wagtail's model check).
    clash = NewsArticlePage(title="Clash", slug="tokyo", lead="x")
    with pytest.raises(ValidationError, match="already in use"):
        folder_2026.add_child(instance=clash)


def test_adding_an_article_on_the_index_lands_in_this_years_folder(trees, superuser_client):
    _, news = trees
    index = news["ru"]
    year = str(timezone.localtime().year)
    assert not NewsYearPage.objects.exists()
    # The index's "Add child page": the only type to choose is the article.
    response = superuser_client.get(reverse("wagtailadmin_pages:add_subpage", args=[index.pk]))
    assert response.status_code == 302 and response["Location"] == add_url(index)
    response = superuser_client.get(add_url(index))
    folder = NewsYearPage.objects.get()
    assert response.status_code == 200 and response.context["parent_page"].pk == folder.pk
    assert f'action="{add_url(folder)}' in response.content.decode()
    assert (folder.slug, folder.title, folder.live) == (year, year, True)
    assert folder.locale_id == index.locale_id and folder.get_parent().pk == index.pk
    # A form posted to the index's URL is saved in the folder too; the folder is reused.
    response = superuser_client.post(add_url(index), article_form("Culture days", "culture"))
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="culture")
    assert article.get_parent().pk == folder.pk and NewsYearPage.objects.count() == 1
    assert article.url_path == index.url_path + "culture/"


def test_the_explorer_shows_the_years_newest_first(trees, superuser_client):
    _, news = trees
    for year in (2024, 2026, 2025):
        article_in(news["en"], year, f"Story {year}")
    response = superuser_client.get(reverse("wagtailadmin_explore", args=[news["en"].pk]))
    assert [page.title for page in response.context["pages"]] == ["2026", "2025", "2024"]
    folder = NewsYearPage.objects.get(slug="2025", locale=news["en"].locale)
    response = superuser_client.get(reverse("wagtailadmin_explore", args=[folder.pk]))
    assert [page.title for page in response.context["pages"]] == ["Story 2025"]


def test_the_move_command_puts_articles_into_their_years_folders(trees, graphql):
    _, news = trees
    old = make_article(news["en"], "Old story", published_at=at(2023))
    newer = make_article(news["en"], "Newer story", published_at=at(2025, 12))
    draft = make_article(news["en"], "Never published", live=False)
    Page.objects.filter(pk=draft.pk).update(latest_revision_created_at=at(2024))
    urls = {page.pk: page.url_path for page in (old, newer, draft)}

    out = StringIO()
    call_command("news_year_folders", stdout=out)
    assert "3 articles moved into year folders" in out.getvalue()
    assert "Moved 3 articles in all." in out.getvalue()
    for page, year in ((old, "2023"), (newer, "2025"), (draft, "2024")):
        moved = NewsArticlePage.objects.get(pk=page.pk)
        assert moved.get_parent().slug == year
        assert moved.url_path == urls[page.pk]
    assert not NewsArticlePage.objects.child_of(news["en"]).exists()
    status, body = graphql(ARTICLE, {"slug": "old-story"})
    assert body["data"]["newsArticle"]["url"] == "/en/news/old-story/"

    again = StringIO()
    call_command("news_year_folders", stdout=again)
    assert "Moved 0 articles in all." in again.getvalue()
    assert NewsYearPage.objects.count() == 3


def test_folders_are_not_content_for_readers(trees, graphql):
    _, news = trees
    article_in(news["en"], 2025, "Tokyo")
    publish(news["en"])
    status, body = graphql(NEWS_LIST)
    assert status == 200 and "errors" not in body, body
    data = body["data"]
    assert data["newsArticles"]["items"] == [
        {"slug": "tokyo", "url": "/en/news/tokyo/", "parent": {"title": "News"}}
    ]
    assert "news.NewsYearPage" not in {page["contentType"] for page in data["pages"]}
    assert {page["title"] for page in data["pages"]} >= {"Tokyo", "News"}
    assert data["index"]["contentType"] == "news.NewsIndexPage"
    assert [page["title"] for page in data["index"]["descendants"]] == ["Tokyo"]
    assert data["index"]["children"] == []
    assert data["folder"] == [] and data["article"] == [{"title": "Tokyo"}]


PARENTS = '{ newsArticles(locale: "en") { items { title parent { title } } } }'


def test_parents_through_folders_cost_what_they_did_under_the_index(trees, graphql):
    _, news = trees
    make_article(news["en"], "Under the index", published_at=at(2020))
    with CaptureQueriesContext(connection) as direct:
        graphql(PARENTS)
    article_in(news["en"], 2024, "In 2024")
    article_in(news["en"], 2025, "In 2025")
    with CaptureQueriesContext(connection) as through_folders:
        status, body = graphql(PARENTS)
    items = body["data"]["newsArticles"]["items"]
    assert [item["parent"] for item in items] == [{"title": "News"}] * 3
    assert len(through_folders) == len(direct) == 5
