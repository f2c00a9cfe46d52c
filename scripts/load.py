#!/usr/bin/env python3
"""Load and flood: many readers on the reader's queries, then the same with an abuser.

Serves the project as `scripts/bench.py` does (gunicorn, production settings, SQLite
under var/bench/), with Redis (the response cache, persisted queries and rate limits
shared by the workers), the rate limits on and 127.0.0.1 a trusted proxy, so that each
simulated reader has its own address in X-Forwarded-For, as behind a load balancer.

1. Readers: `--readers` (50) clients for `--seconds` (60), each asking the reader's
   persisted queries (reader/persisted-queries.json, registered as trusted documents)
   in a random mix (home, news pages, articles, ticker, programmes, projects), with a
   think time of 0.2 to 0.8 s. Goal: no error.
2. Flood: the same readers for `--flood-seconds` (30) while `--flooders` (4) connections
   from one address send, without pause, the costliest query the limits let through
   (cost just under GRAPHQL_MAX_COST, new aliases each time: no cache answers it).
   Goal: the readers' p99 within 2x that of a quiet period just before.

Only 127.0.0.1 is targeted; every phase stops by itself.
"""

import argparse
import http.client
import json
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402 (this folder)

ROOT = bench.ROOT
MANIFEST = ROOT / "reader" / "persisted-queries.json"


# Cost 9,519 of the 10,000 allowed (cms/api/limits.py): 19 lists of 100 articles with four
# fields, each list 1 + 100 x (1 + 4). Its aliases are new each time: no cache knows it.
def costly_query():
    prefix = f"x{random.getrandbits(32):x}_"
    lists = " ".join(
        f"{prefix}{n}: newsArticles(locale: $locale, perPage: 100) "
        "{ items { title lead dateline url } }"
        for n in range(19)
    )
    return f"query Costly($locale: String!) {{ {lists} }}"


def reader_requests(manifest, slugs):
    """(name, operation id, variables) for the mix readers ask."""
    ids = {operation["name"]: operation["id"] for operation in manifest["operations"]}
    mix = []
    for locale in ("kk", "ru", "en"):
        mix += [
            ("home", ids["HOME_QUERY"], {"locale": locale, "perPage": 12}),
            ("news", ids["NEWS_LIST_QUERY"], {"locale": locale, "page": 1, "perPage": 12}),
            ("news", ids["NEWS_LIST_QUERY"], {"locale": locale, "page": 2, "perPage": 12}),
            ("ticker", ids["TICKER_QUERY"], {"locale": locale}),
            ("programmes", ids["PROGRAMMES_QUERY"], {"locale": locale}),
            ("projects", ids["PROJECTS_QUERY"], {"locale": locale}),
        ]
        for slug in slugs.get(locale, [])[:6]:
            mix.append(("article", ids["ARTICLE_QUERY"], {"locale": locale, "slug": slug}))
    return mix


def persisted_path(operation_id, variables):
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": operation_id}}
    query = {"extensions": json.dumps(extensions), "variables": json.dumps(variables)}
    return "/graphql/?" + urllib.parse.urlencode(query)


def article_slugs(port):
    slugs = {}
    for locale in ("kk", "ru", "en"):
        query = f'{{ newsArticles(locale: "{locale}", perPage: 12) {{ items {{ slug }} }} }}'
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/graphql/?" + urllib.parse.urlencode({"query": query}))
        body = json.loads(connection.getresponse().read())
        slugs[locale] = [item["slug"] for item in body["data"]["newsArticles"]["items"]]
    return slugs


class Reader(threading.Thread):
    """One reader: its own connection and address; records latency and failures."""

    def __init__(self, number, port, mix, stop_at):
        super().__init__(daemon=True)
        self.address = f"10.{number // 250}.{number % 250}.{random.randint(1, 250)}"
        self.port, self.mix, self.stop_at = port, mix, stop_at
        self.latencies, self.failures = [], Counter()

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while time.monotonic() < self.stop_at:
            name, operation_id, variables = random.choice(self.mix)
            started = time.perf_counter()
            try:
                connection.request(
                    "GET",
                    persisted_path(operation_id, variables),
                    headers={"X-Forwarded-For": self.address, "Accept-Language": "en"},
                )
                response = connection.getresponse()
                body = response.read()
            except OSError as exc:
                self.failures[f"{name}: {type(exc).__name__}"] += 1
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                continue
            self.latencies.append((time.perf_counter() - started) * 1000)
            if response.status != 200 or b'"errors"' in body:
                self.failures[f"{name}: HTTP {response.status} {body[:120]!r}"] += 1
            time.sleep(random.uniform(0.2, 0.8))


class Flooder(threading.Thread):
    """The abuser: the costliest allowed query, again and again, from one address."""

    def __init__(self, port, stop_at):
        super().__init__(daemon=True)
        self.port, self.stop_at = port, stop_at
        self.statuses = Counter()

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while time.monotonic() < self.stop_at:
            body = json.dumps(
                {
                    "query": costly_query(),
                    "variables": {"locale": random.choice(["kk", "ru", "en"])},
                }
            )
            try:
                connection.request(
                    "POST",
                    "/graphql/",
                    body=body,
                    headers={"Content-Type": "application/json", "X-Forwarded-For": "192.0.2.66"},
                )
                response = connection.getresponse()
                response.read()
                self.statuses[response.status] += 1
            except OSError:
                self.statuses["connection error"] += 1
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)


def run_phase(port, mix, readers, seconds, flooders=0):
    stop_at = time.monotonic() + seconds
    clients = [Reader(number, port, mix, stop_at) for number in range(readers)]
    floods = [Flooder(port, stop_at) for _ in range(flooders)]
    for thread in clients + floods:
        thread.start()
    for thread in clients + floods:
        thread.join(timeout=seconds + 60)
    latencies = [value for client in clients for value in client.latencies]
    failures = sum((client.failures for client in clients), Counter())
    flood = sum((flooder.statuses for flooder in floods), Counter())
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / seconds,
        "p50_ms": cuts[49],
        "p99_ms": cuts[98],
        "errors": sum(failures.values()),
        "error_kinds": dict(failures.most_common(5)),
        "flood": {str(status): count for status, count in flood.items()},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=18766)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--flood-seconds", type=int, default=30)
    parser.add_argument("--flooders", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    redis = bench.start_redis()
    if not redis:
        raise SystemExit("redis-server not found: `make services`")
    env = {
        **bench.environment(args.port),
        "REDIS_URL": redis[1],
        "API_RATE_LIMIT_ENABLED": "1",
        "CMS_TRUSTED_PROXIES": "127.0.0.1",
    }
    try:
        bench.prepare(env, articles=40)
        subprocess.run(
            [bench.PY, "manage.py", "register_persisted_queries", str(MANIFEST)],
            cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        server = bench.serve(env, args.port, args.workers)
        try:
            mix = reader_requests(json.loads(MANIFEST.read_text()), article_slugs(args.port))
            run_phase(args.port, mix, 10, 5)  # warm-up: renditions, caches, connections
            readers = run_phase(args.port, mix, args.readers, args.seconds)
            quiet = run_phase(args.port, mix, args.readers, args.flood_seconds)
            flood = run_phase(args.port, mix, args.readers, args.flood_seconds, args.flooders)
        finally:
            bench.stop(server)
    finally:
        redis[0].terminate()
        redis[0].wait(timeout=10)

    print(f"\n{args.readers} readers, gunicorn {args.workers} sync workers, Redis\n")
    print("| phase | seconds | requests | req/s | p50 ms | p99 ms | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, result, seconds in (
        ("readers", readers, args.seconds),
        ("quiet", quiet, args.flood_seconds),
        (f"flood ({args.flooders} abusers)", flood, args.flood_seconds),
    ):
        print(
            f"| {name} | {seconds} | {result['requests']} | {result['rps']:.0f} | "
            f"{result['p50_ms']:.1f} | {result['p99_ms']:.1f} | {result['errors']} |"
        )
    print(f"\nabusers' answers by status: {flood['flood']}")
    print(f"readers' p99 under flood / quiet: {flood['p99_ms'] / quiet['p99_ms']:.2f} (goal <= 2)")
    for result in (readers, quiet, flood):
        if result["error_kinds"]:
            print("errors:", result["error_kinds"])
    (bench.VAR / "load-results.json").write_text(
        json.dumps({"readers": readers, "quiet": quiet, "flood": flood}, indent=2)
    )
    return 1 if readers["errors"] or flood["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
