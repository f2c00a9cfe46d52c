"""Persisted queries: Apollo's automatic persisted queries, and trusted documents.

Automatic (APQ, Apollo's protocol): a client sends
`extensions: {"persistedQuery": {"version": 1, "sha256Hash": "<hex>"}}` (in a POST body,
or as the JSON of the `extensions` GET parameter) without the query. A known hash runs
its document; an unknown one answers `PersistedQueryNotFound` (code
`PERSISTED_QUERY_NOT_FOUND`), and the client sends the query with its hash once, which
stores it: from then on a short GET does, which CDNs cache. A query whose hash is not its
SHA-256 is refused (`BAD_REQUEST`). Stored documents live in the `default` cache for
`GRAPHQL_APQ_TTL` seconds (bounded by the cache: Redis' memory policy, or the in-process
cache's entries), and in a small in-process table so that a hot hash costs no round trip.

Trusted documents: `manage.py register_persisted_queries <manifest.json>` stores an app's
documents ahead of time (`TrustedDocument` rows: Apollo's persisted query manifest, or
Relay's `{"<id>": "<document>"}`). With `GRAPHQL_TRUSTED_DOCUMENTS_ONLY` on, only those
run: a query sent as text is `PERSISTED_QUERY_REQUIRED`, a hash or id not registered is
`PERSISTED_QUERY_NOT_IN_LIST`, and nothing is stored automatically.
"""

import hashlib
import json
import re
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import models

from .errors import ApiError

PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
PERSISTED_QUERY_NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST"
PERSISTED_QUERY_REQUIRED = "PERSISTED_QUERY_REQUIRED"
BAD_REQUEST = "BAD_REQUEST"

CACHE_PREFIX = "apq:"
SHA256 = re.compile(r"^[0-9a-f]{64}$")
DOCUMENT_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")
LOCAL_ENTRIES = 500


class TrustedDocument(models.Model):
    """A document registered ahead (`register_persisted_queries`), by its id (its hash)."""

    id = models.CharField(primary_key=True, max_length=128)
    document = models.TextField()
    operation_name = models.CharField(max_length=255, blank=True)
    manifest = models.CharField(max_length=255, blank=True, help_text="The manifest it came from.")
    registered_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "cms"
        ordering = ["id"]

    def __str__(self):
        return self.operation_name or self.id


class PersistedQueryError(ApiError):
    """Raised before execution; `status` is the HTTP status of the answer."""

    def __init__(self, code, message, status):
        super().__init__(code, message)
        self.status = status


class _Recent:
    """hash -> document, the last few hundred used in this process (a hash never changes
    its document, so nothing here goes stale)."""

    def __init__(self, size):
        self.size = size
        self.lock = threading.Lock()
        self.documents = OrderedDict()

    def get(self, key):
        with self.lock:
            document = self.documents.get(key)
            if document is not None:
                self.documents.move_to_end(key)
            return document

    def put(self, key, document):
        with self.lock:
            self.documents[key] = document
            self.documents.move_to_end(key)
            while len(self.documents) > self.size:
                self.documents.popitem(last=False)

    def clear(self):
        with self.lock:
            self.documents.clear()


recent = _Recent(LOCAL_ENTRIES)


def sha256(document):
    return hashlib.sha256(document.encode()).hexdigest()


def _extension(extensions):
    """The `persistedQuery` extension, or None; BAD_REQUEST when malformed."""
    if extensions in (None, ""):
        return None
    if isinstance(extensions, str):
        try:
            extensions = json.loads(extensions)
        except ValueError:
            raise PersistedQueryError(BAD_REQUEST, "`extensions` is not JSON.", 400) from None
    if not isinstance(extensions, dict):
        raise PersistedQueryError(BAD_REQUEST, "`extensions` must be a JSON object.", 400)
    persisted = extensions.get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise PersistedQueryError(
            BAD_REQUEST, "Unsupported persistedQuery: send version 1 and a sha256Hash.", 400
        )
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or not SHA256.match(digest):
        raise PersistedQueryError(
            BAD_REQUEST, "persistedQuery.sha256Hash must be 64 lowercase hex digits.", 400
        )
    return digest


def trusted_document(document_id):
    document = recent.get(("trusted", document_id))
    if document is None:
        row = TrustedDocument.objects.filter(pk=document_id).values_list("document", flat=True)
        document = row.first()
        if document is not None:
            recent.put(("trusted", document_id), document)
    return document


def automatic_document(digest):
    document = recent.get(("apq", digest))
    if document is None:
        document = caches["default"].get(CACHE_PREFIX + digest)
        if document is not None:
            recent.put(("apq", digest), document)
    return document


def remember(digest, document):
    caches["default"].set(CACHE_PREFIX + digest, document, settings.GRAPHQL_APQ_TTL)
    recent.put(("apq", digest), document)


def resolve(query, extensions, document_id=None):
    """The document to run for a request's `query`, `extensions` and `id`/`documentId`."""
    digest = _extension(extensions)
    if document_id is not None and (
        not isinstance(document_id, str) or not DOCUMENT_ID.match(document_id)
    ):
        raise PersistedQueryError(BAD_REQUEST, "`documentId` is not a document id.", 400)
    wanted = digest or document_id
    if settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY:
        if wanted is None:
            raise PersistedQueryError(
                PERSISTED_QUERY_REQUIRED,
                "This API runs registered documents only: send the document's id or hash.",
                400,
            )
        document = trusted_document(wanted)
        if document is None:
            raise PersistedQueryError(
                PERSISTED_QUERY_NOT_IN_LIST, f"No registered document {wanted!r}.", 400
            )
        if query and query != document:
            raise PersistedQueryError(BAD_REQUEST, "The query is not the registered one.", 400)
        return document
    if wanted is None:
        return query
    if query:
        if digest is not None and sha256(query) != digest:
            raise PersistedQueryError(
                BAD_REQUEST, "persistedQuery.sha256Hash is not the SHA-256 of the query.", 400
            )
        if digest is not None:
            remember(digest, query)
        return query
    document = (automatic_document(digest) if digest else None) or trusted_document(wanted)
    if document is None:
        # Apollo's clients look for this message, then send the query with its hash.
        raise PersistedQueryError(PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound", 200)
    return document


def read_manifest(text):
    """[(id, document, operation name)] of an Apollo persisted query manifest
    ({"format": "apollo-persisted-query-manifest", "operations": [...]}) or of Relay's
    {"<id>": "<document>"}; ValueError when it is neither, or a sha256 id is not the hash."""
    data = json.loads(text)
    if isinstance(data, dict) and data.get("format") == "apollo-persisted-query-manifest":
        entries = [(op["id"], op["body"], op.get("name", "")) for op in data["operations"]]
    elif isinstance(data, dict) and all(isinstance(v, str) for v in data.values()):
        entries = [(key, document, "") for key, document in data.items()]
    else:
        raise ValueError("Not an Apollo persisted query manifest nor a Relay map.")
    for document_id, document, _name in entries:
        if not isinstance(document_id, str) or not DOCUMENT_ID.match(document_id):
            raise ValueError(f"{document_id!r} is not a document id.")
        if SHA256.match(document_id) and sha256(document) != document_id:
            raise ValueError(f"{document_id} is not the SHA-256 of its document.")
    return entries
