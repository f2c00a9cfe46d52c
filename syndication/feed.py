"""Reading a client's change feed: cursors, pages of entries, the articles they point to.

Shared by the GraphQL `syndicationChanges` query and `/syndication/changes.json`.

Entries store what happened, not a copy of the article: `article` and `ninjs`
show the article as it is now, if it is still in the client's scope (an article
withdrawn later, e.g. for legal reasons, is never served again from an old
entry); otherwise both are null and a later entry of the feed withdraws it. A
withdrawal's `ninjs` is the minimal "canceled" document. A client that applies
the entries in order thus ends with exactly its current scope, each article in
its current version.

The cursor is opaque to clients; it encodes the entry's sequence, which is
per client, gap-free and in commit order (see `syndication.changelog`).
"""

import base64
import binascii

from cms.api.errors import bad_input
from news.queries import show_articles
from syndication import ninjs
from syndication.scope import scoped_articles

DEFAULT_FIRST = 50
MAX_FIRST = 200
CURSOR_PREFIX = "seq:"


def encode_cursor(sequence):
    raw = f"{CURSOR_PREFIX}{sequence}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor):
    """The sequence in a cursor; BAD_USER_INPUT for anything this API did not hand out."""
    if cursor in (None, ""):
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        if raw.startswith(CURSOR_PREFIX) and raw[len(CURSOR_PREFIX) :].isdigit():
            return int(raw[len(CURSOR_PREFIX) :])
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise bad_input("`after` is not a cursor of this feed.", argument="after")


def read_changes(client, after=None, first=DEFAULT_FIRST):
    """(entries after the cursor, oldest first; whether more follow)."""
    if first is None or first < 1:
        raise bad_input("`first` must be 1 or more.", argument="first")
    first = min(first, MAX_FIRST)
    after_sequence = decode_cursor(after)
    newer = client.change_log.filter(sequence__gt=after_sequence).order_by("sequence")
    entries = list(newer[: first + 1])
    has_next = len(entries) > first
    entries = entries[:first]
    attach_articles(client, entries)
    return entries, has_next


def attach_articles(client, entries):
    """Set `entry.article` to the live page if it is still in the client's scope, else None.

    One query for the pages (their relations load for all of them at once, when shown).
    """
    wanted = {entry.page_id for entry in entries if not entry.is_withdrawal}
    pages = {}
    if wanted:
        queryset = scoped_articles(client).filter(pk__in=wanted).select_related("country")
        pages = {page.pk: page for page in show_articles(queryset)}
    for entry in entries:
        entry.article = None if entry.is_withdrawal else pages.get(entry.page_id)


def entry_ninjs(entry, version="3.1"):
    """The ninjs document of an entry (see the module docstring), or None."""
    if entry.is_withdrawal:
        return ninjs.withdrawn_ninjs(
            page_id=entry.page_id,
            locale=entry.locale,
            translation_key=str(entry.translation_key),
            url=entry.url,
            withdrawn_at=entry.occurred_at,
            version=version,
        )
    if entry.article is None:
        return None
    return ninjs.article_ninjs(entry.article, version=version)


def entry_json(entry, version="3.1"):
    """An entry as the REST feed shows it (the GraphQL node's fields, minus `article`)."""
    return {
        "cursor": encode_cursor(entry.sequence),
        "sequence": entry.sequence,
        "action": entry.action,
        "occurredAt": entry.occurred_at.isoformat(),
        "articleId": str(entry.page_id),
        "locale": entry.locale,
        "translationKey": str(entry.translation_key),
        "url": entry.url,
        "ninjs": entry_ninjs(entry, version),
    }
