"""API keys and webhook secrets: made here, shown once, stored as little as possible.

A key is `otk_` + 32 random bytes (URL-safe base64). Only its SHA-256 is
stored: with that much entropy a plain hash cannot be brute-forced, and it
can be looked up by an index in one query (a slow salted hash could not).
The first characters are kept in clear so people can tell keys apart.

A webhook secret must be kept in clear, since the server signs with it; it
follows the Standard Webhooks format (`whsec_` + base64 of random bytes).
"""

import base64
import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

KEY_PREFIX = "otk_"
KEY_BYTES = 32
SHOWN_PREFIX_LENGTH = 12  # "otk_" and 8 random characters: enough to recognise, useless to guess
WEBHOOK_SECRET_PREFIX = "whsec_"
WEBHOOK_SECRET_BYTES = 32
LAST_USED_RESOLUTION = timedelta(minutes=1)


def generate_key():
    return KEY_PREFIX + secrets.token_urlsafe(KEY_BYTES)


def hash_key(raw_key):
    return hashlib.sha256(raw_key.encode()).hexdigest()


def looks_like_key(raw_key):
    return raw_key.startswith(KEY_PREFIX) and 20 <= len(raw_key) <= 200


def generate_webhook_secret():
    return WEBHOOK_SECRET_PREFIX + base64.b64encode(
        secrets.token_bytes(WEBHOOK_SECRET_BYTES)
    ).decode("ascii")


def create_api_key(client):
    """A new key for `client`: returns (ApiKey, the key in clear — show it once, then drop it)."""
    from partners.models import ApiKey

    raw_key = generate_key()
    api_key = ApiKey.objects.create(
        client=client, prefix=raw_key[:SHOWN_PREFIX_LENGTH], hashed_key=hash_key(raw_key)
    )
    return api_key, raw_key


def find_active_key(raw_key):
    """The unrevoked key of an active client matching `raw_key`, or None."""
    from partners.models import ApiKey

    if not looks_like_key(raw_key):
        return None
    return (
        ApiKey.objects.select_related("client")
        .filter(hashed_key=hash_key(raw_key), revoked_at__isnull=True, client__active=True)
        .first()
    )


def revoke(api_key):
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])


def record_use(api_key, now=None):
    """Note that the key (and its client) was used, at most one write per key a minute.

    Conditional UPDATEs: a busy client costs one write a minute, not one a request,
    and two processes racing write once.
    """
    from partners.models import ApiKey, SyndicationClient

    now = now or timezone.now()
    threshold = now - LAST_USED_RESOLUTION
    if api_key.last_used_at is not None and api_key.last_used_at > threshold:
        return False
    stale = ApiKey.objects.filter(pk=api_key.pk).filter(
        last_used_at__isnull=True
    ) | ApiKey.objects.filter(pk=api_key.pk, last_used_at__lte=threshold)
    if not stale.update(last_used_at=now):
        return False
    api_key.last_used_at = now
    SyndicationClient.objects.filter(pk=api_key.client_id).update(last_used_at=now)
    return True
