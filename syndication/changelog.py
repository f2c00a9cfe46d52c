"""The syndication change log: an outbox written in the transaction of the change itself.

For each client and article concerned, the action is "in scope now?" compared
with "had it?" (`SyndicatedArticle`):

    now and not had  -> PUBLISHED
    now and had      -> UPDATED, if the live revision or the URL changed
    had and not now  -> DELETED if the page is being deleted, else UNPUBLISHED
    neither          -> nothing

so a client that applies its entries in order holds exactly its scope, however
the scope was left or entered (publish, flag, categories, move, view
restriction, expiry, a change of the client itself).

Ordering: every recording first locks all client rows, in primary key order
(`SELECT ... FOR NO KEY UPDATE`), and only then reads what clients had and
numbers the new entries `last_sequence + 1, + 2, ...`. Writers that concern
clients are thus serialised until they commit, so on PostgreSQL sequence order
is commit order and a poller reading "after its cursor" never skips an entry
that commits later; the sequence has no gaps. Taking all locks in one order
avoids deadlocks between transactions that record several changes. On SQLite
writers are serialised anyway (the select_for_update is a no-op there).
"""

from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Page

from news.models import NewsArticlePage
from syndication.models import ChangeLogEntry, SyndicatedArticle, SyndicationClient
from syndication.scope import client_covers, load_facts, scoped_articles

Action = ChangeLogEntry.Action

# Sent inside the transaction, after entries were written: `entries` is the list.
# Webhook deliveries hook in here (bulk_create sends no post_save).
entries_recorded = Signal()


def lock_clients():
    """All clients, locked until the end of the transaction, in one fixed order."""
    return SyndicationClient.objects.lock_all()


def sync_articles(queryset, *, cause, gone=()):
    """Record what the articles of `queryset`, and the pages `gone` (being deleted), mean to
    every client. Returns the entries written."""
    gone = set(gone)
    with transaction.atomic():
        clients = lock_clients()
        if not clients:
            return []
        queryset = queryset.exclude(pk__in=gone)
        facts = load_facts(queryset)
        had_rows = SyndicatedArticle.objects.filter(
            Q(page_id__in=queryset.values("pk")) | Q(page_id__in=gone)
        )
        return _record(clients, facts, _by_client(had_rows), gone, cause)


def resync_client(client, *, cause):
    """Record the difference between what `client` has and its scope now (after a change of
    the client itself: scopes, active flag; or on creation)."""
    with transaction.atomic():
        locked = [c for c in lock_clients() if c.pk == client.pk]
        facts = load_facts(scoped_articles(locked[0]))
        had = _by_client(SyndicatedArticle.objects.filter(client=client))
        had_ids = set(had.get(client.pk, {}))
        existing = set(Page.objects.filter(pk__in=had_ids).values_list("pk", flat=True))
        return _record(locked, facts, had, had_ids - existing, cause)


def _by_client(rows):
    had = {}
    for row in rows:
        had.setdefault(row.client_id, {})[row.page_id] = row
    return had


def _record(clients, facts, had, gone, cause):
    now = timezone.now()
    entries, new_rows, changed_rows, dropped = [], [], [], []
    for client in clients:
        client_had = had.get(client.pk, {})
        start = client.last_sequence
        for page_id in sorted(set(facts) | set(client_had)):
            current, row = facts.get(page_id), client_had.get(page_id)
            covered = current is not None and client_covers(client, current)
            if covered and row is None:
                action = Action.PUBLISHED
                new_rows.append(SyndicatedArticle(client=client, page_id=page_id))
                _copy_state(current, new_rows[-1])
            elif covered:
                if (row.revision_id, row.url) == (current.revision_id, current.url):
                    continue
                action = Action.UPDATED
                changed_rows.append(_copy_state(current, row))
            elif row is not None:
                action = Action.DELETED if page_id in gone else Action.UNPUBLISHED
                dropped.append(row.pk)
            else:
                continue
            source = current if covered else row
            client.last_sequence += 1
            entries.append(
                ChangeLogEntry(
                    client=client,
                    sequence=client.last_sequence,
                    action=action,
                    occurred_at=now,
                    page_id=page_id,
                    locale=source.locale,
                    translation_key=source.translation_key,
                    url=source.url,
                    revision_id=source.revision_id,
                    cause=cause,
                )
            )
        if client.last_sequence != start:
            SyndicationClient.objects.filter(pk=client.pk).update(
                last_sequence=client.last_sequence
            )
    _write(entries, new_rows, changed_rows, dropped)
    return entries


def _copy_state(facts, row):
    row.locale = facts.locale
    row.translation_key = facts.translation_key
    row.url = facts.url
    row.revision_id = facts.revision_id
    row.updated_at = timezone.now()  # bulk_update does not apply auto_now
    return row


def _write(entries, new_rows, changed_rows, dropped):
    if dropped:
        SyndicatedArticle.objects.filter(pk__in=dropped).delete()
    if new_rows:
        SyndicatedArticle.objects.bulk_create(new_rows)
    if changed_rows:
        SyndicatedArticle.objects.bulk_update(changed_rows, ["url", "revision_id", "updated_at"])
    if entries:
        ChangeLogEntry.objects.bulk_create(entries)
        entries_recorded.send(sender=ChangeLogEntry, entries=entries)


def subtree_articles(page):
    """The articles at or under `page`."""
    return NewsArticlePage.objects.filter(path__startswith=page.path)
