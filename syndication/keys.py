"""API keys: made here, shown once, only their hash stored (`syndication.secrets`)."""

from datetime import timedelta

from django.utils import timezone

from syndication.credentials import SHOWN_PREFIX_LENGTH, generate_key, hash_key, looks_like_key
from syndication.models import ApiKey, SyndicationClient

LAST_USED_RESOLUTION = timedelta(minutes=1)


def create_api_key(client):
    """A new key for `client`: returns (ApiKey, the key in clear — show it once, then drop it)."""
    raw_key = generate_key()
    api_key = ApiKey.objects.create(
        client=client, prefix=raw_key[:SHOWN_PREFIX_LENGTH], hashed_key=hash_key(raw_key)
    )
    return api_key, raw_key


def find_active_key(raw_key):
    """The unrevoked key of an active client matching `raw_key`, or None."""
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
