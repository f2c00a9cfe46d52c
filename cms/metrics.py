"""GET /metrics: Prometheus' text format, for a Bearer `METRICS_TOKEN` or from
`METRICS_ALLOWED_NETWORKS` (the client's address as the rate limits see it, behind
`CMS_TRUSTED_PROXIES`); anyone else gets a 404.

With `PROMETHEUS_MULTIPROC_DIR` set (gunicorn: gunicorn.conf.py), the counters of every
process writing there are added up; without it, this process's. The collectors the apps
registered (`cms.api.metrics.register_collector`) are read from the database at each scrape.
"""

import ipaddress
import os
import secrets

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from cms import worker_health
from cms.api import metrics
from cms.rate_limits import request_client_address


def allowed(request):
    token = settings.METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if token and secrets.compare_digest(header.encode(), f"Bearer {token}".encode()):
        return True
    try:
        address = ipaddress.ip_address(request_client_address(request))
    except ValueError:
        return False
    return any(
        address in ipaddress.ip_network(network, strict=False)
        for network in settings.METRICS_ALLOWED_NETWORKS
    )


class WorkerCollector:
    """Queue depth, the oldest ready task's wait, the youngest heartbeat's age."""

    def collect(self):
        now = timezone.now()
        depth, oldest = worker_health.queue_state(now)
        yield GaugeMetricFamily("otandas_task_queue_depth", "Tasks ready to run.", value=depth)
        yield GaugeMetricFamily(
            "otandas_task_queue_oldest_age_seconds",
            "Seconds the oldest ready task has waited (0 when none).",
            value=oldest,
        )
        age = worker_health.heartbeat_age(now)
        if age is not None:
            yield GaugeMetricFamily(
                "otandas_worker_heartbeat_age_seconds",
                "Seconds since the youngest worker heartbeat.",
                value=age,
            )


metrics.register_collector(WorkerCollector())


def registry():
    scrape = CollectorRegistry(auto_describe=False)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(scrape)
    else:
        scrape.register(REGISTRY)
    for collector in metrics.scrape_collectors():
        scrape.register(collector)
    return scrape


@never_cache
def metrics_view(request):
    if not allowed(request):
        raise Http404
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
