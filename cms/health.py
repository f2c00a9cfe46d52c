"""Liveness and readiness probes for load balancers and orchestrators."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from cms import worker_health

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """The process is up and answering; says nothing about its dependencies."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    """Ready to serve: the database answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("readiness check failed: database unreachable: %s", exc)
        return JsonResponse({"status": "unavailable", "reason": "database unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
def readyz_worker(request):
    """The background worker is alive and keeping up (`cms.worker_health`)."""
    try:
        state = worker_health.status()
    except DatabaseError as exc:
        logger.warning("worker readiness check failed: database unreachable: %s", exc)
        return JsonResponse({"status": "unavailable", "reason": "database unreachable"}, status=503)
    return JsonResponse(state, status=503 if state["problems"] else 200)
