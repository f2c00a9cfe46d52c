"""The Prometheus metrics the code moves, and the collectors read at scrape time.

Counters and histograms live here so that any layer can move them (the GraphQL view, the
response cache, purges, the rate limits, the worker). Values that are state in the
database (queue depth, webhook deliveries by state, header data age) are computed when
/metrics is scraped, by collectors the apps register with `register_collector` in their
`AppConfig.ready` (cms/api knows no content type). In gunicorn, prometheus-client's
multiprocess mode (`PROMETHEUS_MULTIPROC_DIR`) adds up the processes' counters.

Label values are bounded: an operation is the name of a registered persisted query
(`TrustedDocument.operation_name`), "other" for any other GraphQL operation, "none" for a
request that is no GraphQL operation.
"""

import time

from prometheus_client import Counter, Histogram

HTTP_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
REGISTERED_NAMES_TTL = 60  # seconds a process keeps the registered operation names

HTTP_REQUESTS = Counter(
    "otandas_http_requests",
    "HTTP requests answered, by method, status and GraphQL operation.",
    ["method", "status", "operation"],
)
HTTP_LATENCY = Histogram(
    "otandas_http_request_duration_seconds",
    "Time to answer an HTTP request (until the response is returned to the server).",
    ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
RESPONSE_CACHE = Counter(
    "otandas_response_cache_lookups", "GraphQL response cache lookups, by result.", ["result"]
)
PURGES = Counter(
    "otandas_cache_purges",
    "Purge requests to the caches in front, by backend kind and result (sent, failed).",
    ["backend", "result"],
)
RATE_LIMIT_REFUSALS = Counter(
    "otandas_rate_limit_refusals",
    "Requests refused with HTTP 429, by budget (requests, cost).",
    ["budget"],
)
TASKS = Counter("otandas_worker_tasks", "Tasks run by the worker, by final status.", ["status"])

_collectors = []
_registered = {"names": frozenset(), "until": 0.0}


def register_collector(collector):
    """Add a collector (an object with `collect()`) read at each scrape of /metrics."""
    if collector not in _collectors:
        _collectors.append(collector)


def scrape_collectors():
    return list(_collectors)


def registered_operation_names():
    if time.monotonic() >= _registered["until"]:
        from .persisted_queries import TrustedDocument

        names = TrustedDocument.objects.exclude(operation_name="").values_list(
            "operation_name", flat=True
        )
        _registered.update(names=frozenset(names), until=time.monotonic() + REGISTERED_NAMES_TTL)
    return _registered["names"]


def forget_registered_names():
    """Read the registered names again at the next request (after registering queries)."""
    _registered["until"] = 0.0


def operation_label(is_graphql, operation_name):
    if not is_graphql:
        return "none"
    if operation_name and operation_name in registered_operation_names():
        return operation_name
    return "other"


def method_label(method):
    return method if method in HTTP_METHODS else "other"


def observe_request(method, status, operation, seconds):
    HTTP_REQUESTS.labels(method_label(method), str(status), operation).inc()
    HTTP_LATENCY.labels(operation).observe(seconds)
