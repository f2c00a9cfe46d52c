"""Drafts only with a preview token: the token's own draft, and only while the token is young."""

import time
from types import SimpleNamespace

import pytest
from django.core import signing
from django.test import override_settings

from home.models import StandardPage
from tests.factories import make_article, publish

PAGE = """
query($token: String, $id: ID) {
  preview: page(token: $token) { id title }
  live: page(id: $id) { id title }
}
"""
ARTICLE = """
query($token: String) {
  newsArticle(locale: "kk", slug: "japan", token: $token) { id title lead }
}
"""
PREVIEW_CHILDREN = """
query($token: String) { page(token: $token) { title children { title } } }
"""
SITE_PAGE = """
query($token: String) { sites { page(token: $token) { title } } }
"""


def draft_token(page, **changes):
    """Save a draft revision with `changes` and preview it, as the editor's button does."""
    for name, value in changes.items():
        setattr(page, name, value)
    draft = page.save_revision().as_object()
    return draft.create_page_preview().token


def codes(body):
    return [error["extensions"]["code"] for error in body.get("errors", [])]


def later(monkeypatch, seconds):
    """Move the signer's clock forward."""
    now = time.time() + seconds
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: now))


@pytest.fixture
def article(trees):
    _homes, indexes = trees
    return make_article(indexes["kk"], "Japan", slug="japan")


@pytest.mark.django_db
def test_a_token_shows_its_draft_and_the_live_page_stays_as_published(article, graphql):
    token = draft_token(article, title="Japan (draft)")

    status, body = graphql(PAGE, {"token": token, "id": article.pk})

    assert status == 200, body
    assert body["data"]["preview"] == {"id": str(article.pk), "title": "Japan (draft)"}
    assert body["data"]["live"]["title"] == "Japan"


@pytest.mark.django_db
def test_news_article_takes_a_token(article, graphql):
    token = draft_token(article, title="Japan (draft)", lead="A new lead.")

    _status, with_token = graphql(ARTICLE, {"token": token})
    _status, without = graphql(ARTICLE)

    assert with_token["data"]["newsArticle"]["title"] == "Japan (draft)"
    assert with_token["data"]["newsArticle"]["lead"] == "A new lead."
    assert without["data"]["newsArticle"]["title"] == "Japan"


@pytest.mark.django_db
def test_a_token_shows_only_the_page_it_was_made_for(trees, article, graphql):
    _homes, indexes = trees
    other = make_article(indexes["kk"], "Korea", slug="korea")
    draft_token(article, title="Japan (draft)")
    token = draft_token(other, title="Korea (draft)")

    _status, body = graphql(PAGE, {"token": token, "id": article.pk})

    assert body["data"]["preview"]["title"] == "Korea (draft)"
    assert body["data"]["live"]["title"] == "Japan"


@pytest.mark.django_db
def test_a_never_published_page_is_seen_with_its_token_only(trees, graphql):
    _homes, indexes = trees
    draft = make_article(indexes["kk"], "Unannounced", slug="unannounced", live=False)
    token = draft_token(draft)

    _status, body = graphql(PAGE, {"token": token, "id": draft.pk})

    assert body["data"] == {
        "preview": {"id": str(draft.pk), "title": "Unannounced"},
        "live": None,
    }


@pytest.mark.django_db
def test_relations_of_a_preview_follow_the_reader_rules(trees, graphql):
    homes, _indexes = trees
    section = publish(homes["kk"].add_child(instance=StandardPage(title="About", slug="about")))
    publish(section.add_child(instance=StandardPage(title="Team", slug="team")))
    section.add_child(instance=StandardPage(title="Unfinished", slug="unfinished", live=False))
    token = draft_token(section, title="About (draft)")

    _status, body = graphql(PREVIEW_CHILDREN, {"token": token})

    assert body["data"]["page"] == {"title": "About (draft)", "children": [{"title": "Team"}]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(
            lambda token: token[:-2] + ("AA" if token[-2:] != "AA" else "BB"), id="signature"
        ),
        pytest.param(lambda token: token.replace("id=", "id=9"), id="page id"),
        pytest.param(lambda token: "id=1:garbage", id="made up"),
    ],
)
def test_a_tampered_token_is_an_error(article, graphql, tamper):
    token = tamper(draft_token(article, title="Japan (draft)"))

    status, body = graphql(PAGE, {"token": token, "id": article.pk})

    assert status == 200
    assert body["data"]["preview"] is None
    assert codes(body) == ["PREVIEW_TOKEN_INVALID"]
    assert body["data"]["live"]["title"] == "Japan"


@pytest.mark.django_db
def test_a_token_expires_after_an_hour_by_default(article, graphql, monkeypatch):
    token = draft_token(article, title="Japan (draft)")
    later(monkeypatch, 3590)
    _status, young = graphql(PAGE, {"token": token})
    later(monkeypatch, 3601)
    _status, old = graphql(PAGE, {"token": token})

    assert young["data"]["preview"]["title"] == "Japan (draft)"
    assert old["data"]["preview"] is None
    assert codes(old) == ["PREVIEW_TOKEN_EXPIRED"]


@pytest.mark.django_db
@override_settings(PREVIEW_TOKEN_MAX_AGE=60)
@pytest.mark.parametrize("query", [PAGE, ARTICLE, SITE_PAGE], ids=["page", "newsArticle", "site"])
def test_an_expired_token_is_an_error_everywhere_a_token_is_taken(
    article, graphql, monkeypatch, query
):
    token = draft_token(article, title="Japan (draft)")
    later(monkeypatch, 61)

    status, body = graphql(query, {"token": token})

    assert status == 200
    assert "Japan (draft)" not in str(body["data"])
    assert codes(body) == ["PREVIEW_TOKEN_EXPIRED"]


@pytest.mark.django_db
def test_a_token_for_another_page_type_is_refused_by_news_article(trees, graphql):
    homes, _indexes = trees
    about = publish(homes["kk"].add_child(instance=StandardPage(title="About", slug="about")))
    token = draft_token(about, title="About (draft)")

    _status, body = graphql(ARTICLE, {"token": token})

    assert body["data"]["newsArticle"] is None
    assert codes(body) == ["PREVIEW_TOKEN_INVALID"]
