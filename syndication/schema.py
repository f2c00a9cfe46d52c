"""The partner-only GraphQL query: `syndicationChanges`, a client's change feed.

Partners authenticate with `Authorization: Bearer <key>` (checked by
`syndication.auth.ApiKeyMiddleware`, which refuses invalid keys before GraphQL
runs); without a key this field answers UNAUTHENTICATED and no data. What the
entries mean, and why `article`/`ninjs` show the current version, is in
`syndication.feed`.
"""

import graphene
from graphene.types.generic import GenericScalar

from cms.api.errors import UNAUTHENTICATED, ApiError
from news.schema import article_type
from syndication.auth import client_of
from syndication.feed import DEFAULT_FIRST, MAX_FIRST, encode_cursor, entry_ninjs, read_changes


class JSON(GenericScalar):
    """Any JSON value (here a ninjs document), returned as-is rather than as a string."""


class SyndicationAction(graphene.Enum):
    """What a client must do with an article, as seen by that client."""

    PUBLISHED = "PUBLISHED"
    UPDATED = "UPDATED"
    UNPUBLISHED = "UNPUBLISHED"
    DELETED = "DELETED"

    @property
    def description(self):
        return {
            "PUBLISHED": "The article entered your scope: add it.",
            "UPDATED": "An article you hold has changed (content or URL): replace it.",
            "UNPUBLISHED": "The article left your scope but still exists: remove it.",
            "DELETED": "The article was deleted: remove it.",
        }[self.name]


class SyndicationChange(graphene.ObjectType):
    """One entry of a client's change feed."""

    sequence = graphene.Int(
        required=True, description="Position in your feed: increasing, without gaps."
    )
    action = graphene.Field(SyndicationAction, required=True, description="What to do.")
    occurred_at = graphene.DateTime(required=True, description="When the change was made.")
    article_id = graphene.ID(required=True, description="Page id of this locale's version.")
    locale = graphene.String(required=True, description="Language code of the article.")
    translation_key = graphene.String(
        required=True, description="The same for every locale's version of the article."
    )
    url = graphene.String(required=True, description="Canonical URL of the article.")
    article = graphene.Field(
        article_type,
        description="The article as it is now; null for withdrawals and for articles that "
        "a later entry withdraws.",
    )
    ninjs = graphene.Field(
        JSON,
        description="The article as a ninjs 3.1 document, as it is now (null when `article` "
        "is); for withdrawals a minimal document with pubStatus `canceled`.",
    )

    def resolve_article_id(entry, info):
        return entry.page_id

    def resolve_translation_key(entry, info):
        return str(entry.translation_key)

    def resolve_ninjs(entry, info):
        return entry_ninjs(entry)


class SyndicationChangeEdge(graphene.ObjectType):
    """An entry and the cursor to continue after it."""

    cursor = graphene.String(required=True, description="Pass as `after` to read on from here.")
    node = graphene.Field(SyndicationChange, required=True, description="The entry.")

    def resolve_cursor(entry, info):
        return encode_cursor(entry.sequence)

    def resolve_node(entry, info):
        return entry


class SyndicationPageInfo(graphene.ObjectType):
    """Where this page of the feed ends."""

    has_next_page = graphene.Boolean(required=True, description="More entries follow.")
    end_cursor = graphene.String(
        description="Cursor of the last entry; store it and pass it as `after` next time."
    )


class SyndicationChangeConnection(graphene.ObjectType):
    """A page of a client's change feed, oldest first."""

    edges = graphene.List(
        graphene.NonNull(SyndicationChangeEdge), required=True, description="The entries."
    )
    page_info = graphene.Field(
        SyndicationPageInfo, required=True, description="How to read the next page."
    )


class SyndicationQuery(graphene.ObjectType):
    syndication_changes = graphene.Field(
        SyndicationChangeConnection,
        after=graphene.String(description="Read entries after this cursor; omit to start."),
        first=graphene.Int(
            default_value=DEFAULT_FIRST, description=f"How many entries, at most {MAX_FIRST}."
        ),
        description="Partners only (Authorization: Bearer <key>): the changes to the "
        "articles in your scope, oldest first. Keep the last cursor and poll with it "
        "to keep an exact mirror.",
    )

    def resolve_syndication_changes(self, info, after=None, first=DEFAULT_FIRST):
        client = client_of(info.context)
        if client is None:
            raise ApiError(
                UNAUTHENTICATED, "Partners only: send `Authorization: Bearer <your API key>`."
            )
        entries, has_next = read_changes(client, after, first)
        end_cursor = encode_cursor(entries[-1].sequence) if entries else after
        return {
            "edges": entries,
            "page_info": {"has_next_page": has_next, "end_cursor": end_cursor},
        }
