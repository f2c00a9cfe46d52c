"""Admin writes in one transaction, so the syndication outbox commits with the publish.

Wagtail's publish, unpublish and move paths do not wrap their signals in a
transaction (wagtail/actions/publish_page_revision.py): the change log entries
written by signal handlers would commit apart from the change itself.
`ATOMIC_REQUESTS` would fix that, but for every request: on SQLite
(`transaction_mode = IMMEDIATE`) each GraphQL read would then take the
database's write lock. So only unsafe-method
requests under the configured prefixes (the admin by default) are wrapped.

Django turns a view's exception into a 500 response before it reaches a
middleware, so the transaction is rolled back on any 5xx response.
"""

from django.conf import settings
from django.db import transaction

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class AtomicAdminWritesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.ATOMIC_WRITE_PATHS)

    def __call__(self, request):
        if request.method in SAFE_METHODS or not request.path.startswith(self.prefixes):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response
