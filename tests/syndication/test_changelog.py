"""The syndication change log: one entry per client concerned, the action that client must take."""

import datetime
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Page, PageViewRestriction

from news.models import NewsArticlePage, NewsIndexPage
from syndication.changelog import entries_recorded
from syndication.models import ChangeLogEntry, SyndicatedArticle, SyndicationClient
from tests.factories import locales, make_article, make_category, publish, translate
from tests.syndication.syndication_helpers import (
    last_sequence,
    live_scope,
    log,
    make_client,
    replay,
    set_categories,
)

pytestmark = pytest.mark.django_db

PUB, UPD, UNP, DEL = "PUBLISHED", "UPDATED", "UNPUBLISHED", "DELETED"


@pytest.fixture
def setup(trees):
    homes, indexes = trees
    return homes, indexes, make_client(locales_=("kk",))


def test_publish_update_unpublish_republish_delete(setup):
    _homes, indexes, client = setup
    article = make_article(indexes["kk"], "Tokyo forum")
    pk = article.pk
    publish(article)
    article.unpublish()
    publish(article)
    article.delete()
    assert log(client) == [(PUB, pk), (UPD, pk), (UNP, pk), (PUB, pk), (DEL, pk)]
    assert not SyndicatedArticle.objects.exists()


def test_entries_carry_what_a_withdrawal_needs(setup):
    _homes, indexes, client = setup
    article = make_article(indexes["kk"], "Tokyo forum")
    article.delete()
    published, deleted = ChangeLogEntry.objects.filter(client=client).order_by("sequence")
    assert (deleted.locale, deleted.translation_key, deleted.url) == (
        "kk",
        published.translation_key,
        published.url,
    )
    assert deleted.url.endswith("/kk/news/tokyo-forum/")
    assert deleted.cause == "deleted"


def test_syndication_flag(setup):
    _homes, indexes, client = setup
    article = make_article(indexes["kk"], "Flagged", allow_syndication=False)
    assert log(client) == []
    article.allow_syndication = True
    publish(article)
    article.allow_syndication = False
    publish(article)
    assert log(client) == [(PUB, article.pk), (UNP, article.pk)]


def test_locales_outside_the_scope_are_not_recorded(setup):
    _homes, indexes, client = setup
    english = make_article(indexes["en"], "English only")
    publish(english)
    assert log(client) == []


def test_categories_are_matched_in_every_locale(trees):
    _homes, indexes = trees
    culture_kk = make_category("Мәдениет", "madeniet", "kk")
    culture_ru = make_category("Культура", "kultura", "ru", culture_kk.translation_key)
    sport = make_category("Спорт", "sport", "ru")
    client = make_client(locales_=("ru",), categories=[culture_kk])
    article = make_article(indexes["ru"], "Festival", categories=[sport])
    assert log(client) == []
    set_categories(article, sport, culture_ru)
    set_categories(article, sport)
    assert log(client) == [(PUB, article.pk), (UNP, article.pk)]


def test_moves_change_the_url_or_the_scope(setup):
    homes, indexes, client = setup
    article = make_article(indexes["kk"], "Mover")
    archive = homes["kk"].add_child(instance=NewsIndexPage(title="Archive", slug="archive"))
    publish(archive)
    private = homes["kk"].add_child(instance=NewsIndexPage(title="Private", slug="private"))
    publish(private)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    start = last_sequence(client)

    article.move(archive, pos="last-child")
    article.refresh_from_db()
    article.move(private, pos="last-child")
    article.refresh_from_db()
    indexes["kk"].refresh_from_db()
    article.move(indexes["kk"], pos="last-child")

    assert log(client, after=start) == [(UPD, article.pk), (UNP, article.pk), (PUB, article.pk)]
    updated = ChangeLogEntry.objects.get(client=client, sequence=start + 1)
    assert updated.url.endswith("/kk/archive/mover/") and updated.cause == "moved"


def test_view_restrictions_withdraw_and_restore_a_section(setup):
    _homes, indexes, client = setup
    first = make_article(indexes["kk"], "First")
    second = make_article(indexes["kk"], "Second")
    start = last_sequence(client)
    restriction = PageViewRestriction.objects.create(
        page=indexes["kk"], restriction_type="password", password="secret"
    )
    restriction.delete()
    assert log(client, after=start) == [
        (UNP, first.pk),
        (UNP, second.pk),
        (PUB, first.pk),
        (PUB, second.pk),
    ]


def test_expiry_through_publish_scheduled(setup):
    _homes, indexes, client = setup
    article = make_article(indexes["kk"], "Expiring")
    past = timezone.now() - datetime.timedelta(minutes=5)
    NewsArticlePage.objects.filter(pk=article.pk).update(expire_at=past)
    with transaction.atomic():
        call_command("publish_scheduled")
    assert log(client) == [(PUB, article.pk), (UNP, article.pk)]


def test_deleting_a_section_deletes_its_articles(setup):
    _homes, indexes, client = setup
    first = make_article(indexes["kk"], "First")
    second = make_article(indexes["kk"], "Second")
    PageViewRestriction.objects.create(page=first, restriction_type="password", password="x")
    Page.objects.get(pk=indexes["kk"].pk).delete()
    assert log(client) == [(PUB, first.pk), (PUB, second.pk), (UNP, first.pk), (DEL, second.pk)]


def test_aliases_are_not_syndicated(trees):
    _homes, indexes = trees
    client = make_client(locales_=("kk", "ru"))
    article = make_article(indexes["kk"], "Aliased")
    alias = article.create_alias(parent=indexes["ru"], update_locale=locales()["ru"])
    publish(article)  # updates the alias too (page_published with alias=True)
    assert alias.alias_of_id == article.pk
    assert {page_id for _action, page_id in log(client)} == {article.pk}
    translated = translate(make_article(indexes["kk"], "Translated"), "ru", slug="perevod")
    assert (PUB, translated.pk) in log(client)


def test_deleting_a_category_withdraws_its_articles(trees):
    _homes, indexes = trees
    culture = make_category("Мәдениет", "madeniet", "kk")
    client = make_client(categories=[culture])
    article = make_article(indexes["kk"], "Festival", categories=[culture])
    culture.delete()
    assert log(client) == [(PUB, article.pk), (UNP, article.pk)]


def test_operator_scope_changes_are_recorded(trees):
    _homes, indexes = trees
    kk = make_article(indexes["kk"], "Kazakh")
    ru = make_article(indexes["ru"], "Russian")
    client = make_client(locales_=("kk",))  # a new client receives its scope
    assert log(client) == [(PUB, kk.pk)]

    client.locales = ["ru"]
    client.save()
    client.active = False
    client.save()
    client.name = "Renamed"
    client.save()
    client.active = True
    client.save()
    assert log(client, after=1) == [(UNP, kk.pk), (PUB, ru.pk), (UNP, ru.pk), (PUB, ru.pk)]
    assert ChangeLogEntry.objects.get(client=client, sequence=2).cause == "client changed"


def test_a_stale_form_does_not_write_back_the_sequence(setup):
    _homes, indexes, client = setup
    stale = SyndicationClient.objects.get(pk=client.pk)
    make_article(indexes["kk"], "Meanwhile")
    stale.name = "Edited in the admin"
    stale.save()
    assert last_sequence(client) == 1
    assert client.name == "Edited in the admin"


def test_sequences_are_per_client_and_gap_free(trees):
    _homes, indexes = trees
    kazakh, russian = make_client("kk", locales_=("kk",)), make_client("ru", locales_=("ru",))
    for number in range(3):
        make_article(indexes["kk"], f"kk {number}")
        make_article(indexes["ru"], f"ru {number}")
    for client in (kazakh, russian):
        sequences = list(
            ChangeLogEntry.objects.filter(client=client).values_list("sequence", flat=True)
        )
        assert sequences == [1, 2, 3]


def test_a_rolled_back_publish_leaves_no_entry(setup):
    _homes, indexes, client = setup
    article = make_article(indexes["kk"], "Rolled back", live=False)
    with pytest.raises(RuntimeError), transaction.atomic():
        publish(article)
        raise RuntimeError("the request failed after publishing")
    assert log(client) == [] and last_sequence(client) == 0


def test_new_entries_are_announced_for_webhook_deliveries(setup):
    _homes, indexes, client = setup
    received = []

    def on_recorded(sender, entries, **kwargs):
        received.extend((entry.pk, entry.sequence) for entry in entries)

    entries_recorded.connect(on_recorded)
    try:
        make_article(indexes["kk"], "Announced")
    finally:
        entries_recorded.disconnect(on_recorded)
    assert len(received) == 1 and received[0][0] is not None and received[0][1] == 1


def test_replaying_the_feed_yields_the_live_scope(trees):
    """A scripted history of every kind of change; the replay must equal the live scope."""
    homes, indexes = trees
    culture = make_category("Мәдениет", "madeniet", "kk")
    culture_ru = make_category("Культура", "kultura", "ru", culture.translation_key)
    sport = make_category("Спорт", "sport", "kk")
    everything = make_client("all", locales_=("kk", "ru"))
    cultural = make_client("culture", locales_=("kk", "ru"), categories=[culture])
    a = make_article(indexes["kk"], "A", categories=[culture])
    b = make_article(indexes["kk"], "B", categories=[sport])
    c = make_article(indexes["ru"], "C", categories=[culture_ru])
    d = make_article(indexes["kk"], "D", allow_syndication=False)
    archive = homes["kk"].add_child(instance=NewsIndexPage(title="Archive", slug="archive"))
    publish(archive)

    publish(a)
    set_categories(b, culture)
    set_categories(a, sport)
    d.allow_syndication = True
    publish(d)
    c.unpublish()
    b.move(archive, pos="last-child")
    restriction = PageViewRestriction.objects.create(page=archive, restriction_type="login")
    publish(c)
    cultural.locales = ["kk"]
    cultural.save()
    e = make_article(indexes["ru"], "E", categories=[culture_ru])
    Page.objects.get(pk=a.pk).delete()
    restriction.delete()
    everything.active = False
    everything.save()
    everything.active = True
    everything.save()
    e.allow_syndication = False
    publish(e)

    for client in (everything, cultural):
        assert set(replay(client)) == live_scope(client)
        held = {row.page_id: row.url for row in client.syndicated_articles.all()}
        assert replay(client) == held
    assert set(replay(everything)) == {b.pk, c.pk, d.pk}


@pytest.mark.django_db(transaction=True)
def test_concurrent_publishes_never_let_a_poller_skip_an_entry(trees):
    """Publishers in parallel transactions, held open after recording; a poller reading by
    cursor all along must see every client's sequence without a gap (sequences have none)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises all writers: commits cannot come out of order there")
    _homes, indexes = trees
    clients = [make_client("kk", locales_=("kk",)), make_client("both", locales_=("kk", "ru"))]
    articles = [
        make_article(indexes[code], f"{code} {number}", live=False)
        for number in range(6)
        for code in ("kk", "ru")
    ]
    expected = {clients[0].pk: 6, clients[1].pk: 12}
    barrier = threading.Barrier(len(articles))
    problems, done = [], threading.Event()

    def publisher(pk, delay):
        try:
            barrier.wait(timeout=30)
            with transaction.atomic():
                publish(NewsArticlePage.objects.get(pk=pk))
                time.sleep(delay)  # commit late: a later allocation must not commit first
        except Exception as error:  # reported by the main thread
            problems.append(f"publisher {pk}: {error!r}")
        finally:
            connection.close()

    def poller():
        cursors = dict.fromkeys(expected, 0)
        try:
            while cursors != expected and not (done.is_set() and problems):
                for client_id in cursors:
                    newer = ChangeLogEntry.objects.filter(
                        client_id=client_id, sequence__gt=cursors[client_id]
                    ).order_by("sequence")
                    for sequence in newer.values_list("sequence", flat=True):
                        if sequence != cursors[client_id] + 1:
                            problems.append(f"client {client_id}: {sequence} after {cursors}")
                        cursors[client_id] = sequence
                time.sleep(0.005)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=publisher, args=(article.pk, 0.05 * (len(articles) - i) / 4))
        for i, article in enumerate(articles)
    ]
    watcher = threading.Thread(target=poller)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    done.set()
    watcher.join(timeout=60)
    assert not watcher.is_alive() and problems == []
    for client in clients:
        assert last_sequence(client) == expected[client.pk]
        assert set(replay(client)) == live_scope(client)


def test_admin_unpublish_and_delete_are_recorded(setup, client, admin_user):
    _homes, indexes, syndication_client = setup
    client.force_login(admin_user)
    first = make_article(indexes["kk"], "First")
    second = make_article(indexes["kk"], "Second")
    assert client.post(f"/admin/pages/{first.pk}/unpublish/").status_code == 302
    assert client.post(f"/admin/pages/{second.pk}/delete/").status_code == 302
    assert log(syndication_client, after=2) == [(UNP, first.pk), (DEL, second.pk)]


def test_an_alias_converted_into_a_page_is_syndicated_once_translated(trees):
    _homes, indexes = trees
    client = make_client(locales_=("ru",))
    article = make_article(indexes["kk"], "Aliased")
    alias = article.create_alias(parent=indexes["ru"], update_locale=locales()["ru"])
    assert log(client) == []
    ConvertAliasPageAction(alias).execute()
    # Still the kk text: not a ru article yet (languages.models.UntranslatedPage).
    assert log(client) == [] and live_scope(client) == set()
    page = NewsArticlePage.objects.get(pk=alias.pk)
    page.title = "Псевдоним"
    publish(page)
    assert log(client) == [(PUB, alias.pk)]
    assert set(replay(client)) == live_scope(client) == {alias.pk}
