"""An untranslated page never goes out as a translation, whichever path converted it.

wagtail-localize turns an alias into a page of its own as soon as a translation
starts, and the page stays live with the source's text. Until a revision with
translated text is published it is a fallback everywhere: left out of lists,
marked in `includeUntranslated`, absent from `translations`, the feeds and every
partner's scope (so no webhook either).
"""

import pytest
from django.urls import reverse
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Page, TaskState
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from languages.models import UntranslatedPage
from syndication.models import WebhookDelivery
from tests.factories import locales, make_article, publish
from tests.newsroom.conftest import as_user, edit_url
from tests.syndication.syndication_helpers import live_scope, log

pytestmark = pytest.mark.django_db

LISTS = """query ($locale: String!, $all: Boolean) {
  newsArticles(locale: $locale, includeUntranslated: $all) {
    items { id title isFallback contentLocale translations { locale } }
  }
}"""
ONE = """query ($locale: String!, $slug: String!) {
  newsArticle(locale: $locale, slug: $slug) { id title isFallback contentLocale }
}"""
PAGES = '{ pages(locale: "en") { id ... on NewsArticlePage { isFallback contentLocale } } }'


def english_ids(graphql, include_untranslated=False):
    _status, body = graphql(LISTS, {"locale": "en", "all": include_untranslated})
    return {int(item["id"]): item for item in body["data"]["newsArticles"]["items"]}


def kk_translations(graphql, source):
    _status, body = graphql(LISTS, {"locale": "kk"})
    (item,) = [i for i in body["data"]["newsArticles"]["items"] if int(i["id"]) == source.pk]
    return [t["locale"] for t in item["translations"]]


def feed_ids(client):
    items = client.get("/feeds/en/news.json").json()["items"]
    return {item["url"] for item in items}


def assert_fallback(graphql, client, setup):
    """The en page is served only as what it is: the kk text, marked."""
    page = Page.objects.get(pk=setup.alias.pk)
    assert page.live and page.alias_of_id is None  # what wagtail-localize did to the row
    assert page.pk not in english_ids(graphql)
    shown = english_ids(graphql, include_untranslated=True)[page.pk]
    assert (shown["isFallback"], shown["contentLocale"]) == (True, "kk")
    _status, body = graphql(ONE, {"locale": "en", "slug": page.slug})
    one = body["data"]["newsArticle"]
    assert (one["isFallback"], one["contentLocale"]) == (True, "kk")
    _status, body = graphql(PAGES)
    (listed,) = [p for p in body["data"]["pages"] if int(p["id"]) == page.pk]
    assert listed["isFallback"] is True
    assert kk_translations(graphql, setup.source) == []
    assert not any(url.endswith(f"/en/news/{page.slug}/") for url in feed_ids(client))
    assert log(setup.partner) == [] and live_scope(setup.partner) == set()
    assert not WebhookDelivery.objects.exists()


def assert_translation(graphql, client, setup, title):
    page = Page.objects.get(pk=setup.alias.pk)
    item = english_ids(graphql)[page.pk]
    assert (item["title"], item["isFallback"], item["contentLocale"]) == (title, False, "en")
    assert kk_translations(graphql, setup.source) == ["en"]
    assert any(url.endswith(f"/en/news/{page.slug}/") for url in feed_ids(client))
    assert log(setup.partner) == [("PUBLISHED", page.pk)]
    assert not UntranslatedPage.objects.filter(page=page).exists()


def translate_strings(translation, **texts):
    """Translate segments by path (e.g. title="..."), as the editor saves them."""
    for path, text in texts.items():
        segment = StringSegment.objects.get(source=translation.source, context__path=path)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": text},
        )


def start_translation(source, user=None):
    """What "Translate this page" does, through wagtail-localize's API."""
    TranslationCreator(user, [locales()["en"]]).create_translations(source)
    return Translation.objects.get(source__object_id=source.translation_key)


def approve(client, chief, page):
    as_user(client, chief)
    state = TaskState.objects.reviewable_by(chief).get(workflow_state__object_id=str(page.pk))
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    assert client.post(url, {"comment": ""}).status_code == 302


def test_translate_this_page_then_submit_keeps_it_a_fallback_until_approved(
    client, graphql, untranslated, translator, chief
):
    as_user(client, translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[untranslated.source.pk])
    response = client.post(url, {"locales": [locales()["en"].pk]})
    assert response.status_code == 302
    assert Page.objects.get(pk=untranslated.alias.pk).alias_of_id is None  # converted
    assert_fallback(graphql, client, untranslated)

    translation = Translation.objects.get(source__object_id=untranslated.source.translation_key)
    translate_strings(translation, title="Abai readings in Omsk", lead="Abai readings in Omsk.")
    response = client.post(edit_url(untranslated.alias), {"action": "publish"})  # = Submit
    assert response.status_code == 302
    assert Page.objects.get(pk=untranslated.alias.pk).specific.workflow_in_progress
    assert_fallback(graphql, client, untranslated)

    approve(client, chief, untranslated.alias)
    assert_translation(graphql, client, untranslated, "Abai readings in Omsk")


def test_the_api_publishing_nothing_translated_keeps_it_a_fallback(
    client, graphql, untranslated, django_capture_on_commit_callbacks
):
    translation = start_translation(untranslated.source)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert Page.objects.get(pk=untranslated.alias.pk).live_revision_id is not None
    assert_fallback(graphql, client, untranslated)

    translate_strings(translation, title="Abai readings")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert_translation(graphql, client, untranslated, "Abai readings")


def test_sync_and_publish_of_an_untranslated_page_keeps_it_a_fallback(
    client, graphql, untranslated, chief, django_capture_on_commit_callbacks
):
    translation = start_translation(untranslated.source)
    source = untranslated.source
    source.lead = "Жаңа лид."
    source.save_revision().publish()
    as_user(client, chief)
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    page = Page.objects.get(pk=untranslated.alias.pk).specific
    assert page.lead == "Жаңа лид."  # published: the source's new text
    assert_fallback(graphql, client, untranslated)


def test_wagtails_own_alias_conversion_keeps_it_a_fallback(client, graphql, untranslated):
    ConvertAliasPageAction(Page.objects.get(pk=untranslated.alias.pk).specific).execute()
    assert_fallback(graphql, client, untranslated)
    page = Page.objects.get(pk=untranslated.alias.pk).specific
    page.title = "Abai readings, in English"
    publish(page)
    assert_translation(graphql, client, untranslated, "Abai readings, in English")


def test_a_new_translation_published_untranslated_is_a_fallback(client, graphql, site):
    """Not an alias first: an article written in ru, translated into en with nothing
    translated, then published."""
    article = make_article(site.news["ru"], "Абай в Омске", lead="Чтения.")
    TranslationCreator(None, [locales()["en"]]).create_translations(article)
    target = Page.objects.get(translation_key=article.translation_key, locale=locales()["en"])
    assert not target.live  # a draft: WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off
    target.get_latest_revision().publish()
    assert UntranslatedPage.objects.get(page=target).content_locale == locales()["ru"]
    assert target.pk not in english_ids(graphql)
    shown = english_ids(graphql, include_untranslated=True)[target.pk]
    assert shown["contentLocale"] == "ru"


def test_stop_synced_translation_then_translated_in_wagtails_editor(
    client, graphql, untranslated, chief
):
    translation = start_translation(untranslated.source)
    as_user(client, chief)
    url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    assert client.post(url, {"next": "/admin/"}).status_code == 302
    assert_fallback(graphql, client, untranslated)  # stopping changes nothing for readers
    page = Page.objects.get(pk=untranslated.alias.pk).specific
    page.title, page.lead = "Abai readings in Omsk", "Readings of Abai's poems."
    publish(page)
    assert_translation(graphql, client, untranslated, "Abai readings in Omsk")


def test_convert_back_to_alias_and_restart(
    client, graphql, untranslated, chief, django_capture_on_commit_callbacks
):
    translation = start_translation(untranslated.source)
    translate_strings(translation, title="Abai readings")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert_translation(graphql, client, untranslated, "Abai readings")

    as_user(client, chief)
    url = reverse("wagtail_localize:convert_to_alias", args=[untranslated.alias.pk])
    assert client.post(url).status_code == 302
    page = Page.objects.get(pk=untranslated.alias.pk)
    assert page.alias_of_id == untranslated.source.pk
    assert log(untranslated.partner) == [("PUBLISHED", page.pk), ("UNPUBLISHED", page.pk)]
    assert page.pk not in english_ids(graphql)

    # Translating again brings the earlier strings back into the row, unreviewed:
    # still a fallback until a translated revision is published.
    start_translation(untranslated.source)
    assert Page.objects.get(pk=page.pk).title == "Abai readings"
    assert UntranslatedPage.objects.filter(page=page).exists()
    assert page.pk not in english_ids(graphql)
    assert log(untranslated.partner)[-1] == ("UNPUBLISHED", page.pk)


def test_deleting_a_translation_leaves_nothing_behind(
    client, graphql, untranslated, django_capture_on_commit_callbacks
):
    translation = start_translation(untranslated.source)
    translate_strings(translation, title="Abai readings")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    Page.objects.get(pk=untranslated.alias.pk).delete()
    assert kk_translations(graphql, untranslated.source) == []
    assert log(untranslated.partner) == [
        ("PUBLISHED", untranslated.alias.pk),
        ("DELETED", untranslated.alias.pk),
    ]
    assert not UntranslatedPage.objects.exists()
