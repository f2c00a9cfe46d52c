"""The id of the request (or worker task) being handled, on every log record it causes.

`cms.access_log.AccessLogMiddleware` binds it for a request, the worker for a task; the
logging filter copies it onto each record, so that a traceback logged deep inside a
resolver carries the same id as the access line and the `X-Request-ID` header.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[str | None] = ContextVar("otandas_request_id", default=None)


def current():
    """The id bound now, or None (outside a request or task)."""
    return _current.get()


@contextmanager
def bound(value):
    token = _current.set(value)
    try:
        yield value
    finally:
        _current.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` ("-" when none) to every record of the handler it is set on."""

    def filter(self, record):
        if not getattr(record, "request_id", None):
            record.request_id = _current.get() or "-"
        return True
