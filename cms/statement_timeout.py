"""A bound on how long one API request may keep PostgreSQL busy.

For requests under `API_STATEMENT_TIMEOUT_PATHS` (GraphQL, feeds, partner endpoints), each
SQL statement may run `API_STATEMENT_TIMEOUT_MS` milliseconds; PostgreSQL cancels it after
that (SQLSTATE 57014), and the GraphQL view answers 503 with `QUERY_TIMEOUT`. The setting is
per session and connections are reused (CONN_MAX_AGE), so it is set back to the server's
default when the response is made: the admin, the worker and migrations are never bound.
On other databases, or with the setting at 0, nothing is sent.
"""

from django.conf import settings
from django.db import DatabaseError, connection


class StatementTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        milliseconds = int(settings.API_STATEMENT_TIMEOUT_MS)
        if (
            not milliseconds
            or connection.vendor != "postgresql"
            or not request.path.startswith(tuple(settings.API_STATEMENT_TIMEOUT_PATHS))
        ):
            return self.get_response(request)
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {milliseconds}")
        try:
            return self.get_response(request)
        finally:
            reset()


def reset():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout TO DEFAULT")
    except DatabaseError:
        # A broken connection: Django closes it at the end of the request, and a new
        # session starts with the default anyway.
        pass
