"""One log line and the request metrics for every request; the request id on all of it.

Outermost middleware: it gives the request its id (the client's sane `X-Request-ID`, else
a new one; `cms.api.context.request_id_for`), binds it for every log record the request
causes (`cms.api.request_id`), sends it back in `X-Request-ID`, and when the answer is
ready logs it on the `cms.access` logger and counts it (`cms.api.metrics`). An exception
below has already become Django's 500 page (logged with its traceback by `django.request`,
with the same id); the traceback is never in the answer (DEBUG is off in production).
"""

import logging
import time

from django.conf import settings

from cms.api import metrics, request_id
from cms.api.context import request_id_for
from cms.rate_limits import CLIENT_ATTR

logger = logging.getLogger("cms.access")


def user_id(request):
    """The signed-in user's id; the session is only read when the request sent its cookie."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES or not hasattr(request, "user"):
        return None
    return request.user.pk if request.user.is_authenticated else None


def access_fields(request, response, duration):
    client = getattr(request, CLIENT_ATTR, None)
    fields = {
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "duration_ms": round(duration * 1000, 1),
        "user_id": user_id(request),
        "partner_client_id": client.pk if client is not None else None,
    }
    if hasattr(request, "graphql_operation_name"):
        fields["graphql_operation"] = request.graphql_operation_name
        fields["graphql_cost"] = getattr(request, "graphql_cost", None)
        fields["response_cache"] = response.get("X-Response-Cache")
    return fields


class AccessLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        started = time.perf_counter()
        with request_id.bound(request.request_id):
            response = self.get_response(request)
            duration = time.perf_counter() - started
            response["X-Request-ID"] = request.request_id
            fields = access_fields(request, response, duration)
            operation = metrics.operation_label(
                hasattr(request, "graphql_operation_name"), fields.get("graphql_operation")
            )
            metrics.observe_request(request.method, response.status_code, operation, duration)
            logger.info(
                "%s %s %s %.1fms",
                request.method,
                request.path,
                response.status_code,
                fields["duration_ms"],
                extra=fields,
            )
        return response
