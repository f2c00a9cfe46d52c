"""Error reporting to Sentry, on only when `SENTRY_DSN` is set.

No personal data is sent: `send_default_pii=False` (no user ids, addresses, cookies or
auth headers), no request bodies, no local variables of the failing frames. Each event
is tagged with the request id (or the worker's `task-<id>`) of the answer's
`X-Request-ID` and of the log lines, so a report leads to its logs.
"""

from django.conf import settings

from cms.api import request_id


def tag_request_id(event, hint):
    current = request_id.current()
    if current:
        event.setdefault("tags", {})["request_id"] = current
    return event


def init():
    """Start the SDK when configured; True if it was started."""
    if not settings.SENTRY_DSN:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=settings.SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=settings.SENTRY_ENVIRONMENT,
        release=settings.SENTRY_RELEASE or None,
        traces_sample_rate=settings.SENTRY_TRACES_SAMPLE_RATE,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=tag_request_id,
    )
    return True
