#!/usr/bin/env python3
"""Load and flood: many readers on the reader's queries, then the same with an abuser.

Serves the project as `scripts/bench.py` does (gunicorn, production settings, SQLite
under var/bench/), with Redis (the response cache, persisted queries and rate limits
shared by the workers), the rate limits on and 127.0.0.1 a trusted proxy, so that each
simulated reader has its own address in X-Forwarded-For, as behind a load balancer.
With `--front varnish` (the default) every client goes through Varnish with the shipped
VCL (deploy/varnish/default.vcl: its cache and its flood guard), as in production;
`--front none` sends them to gunicorn directly.

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
import multiprocessing
import os
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


# Cost 4,509 of the 5,000 allowed (cms/api/limits.py): 9 lists of 100 articles with four
# fields, each list 1 + 100 x (1 + 4). Its aliases are new each time: no cache knows it.
def costly_query():
    prefix = f"x{random.getrandbits(32):x}_"
    lists = " ".join(
        f"{prefix}{n}: newsArticles(locale: $locale, perPage: 100) "
        "{ items { title lead dateline url } }"
        for n in range(9)
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

    def __init__(self, number, port, mix, stop_at, post_share):
        super().__init__(daemon=True)
        self.address = f"10.{number // 250}.{number % 250}.{random.randint(1, 250)}"
        self.port, self.mix, self.stop_at, self.post_share = port, mix, stop_at, post_share
        self.latencies, self.failures = [], Counter()
        self.cms_latencies = []  # those answered by the CMS itself (not from Varnish's cache)

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"X-Forwarded-For": self.address, "Accept-Language": "en"}
        while time.monotonic() < self.stop_at:
            name, operation_id, variables = random.choice(self.mix)
            # A share of the readers' queries are POSTs, which no cache answers: they show
            # what the CMS itself does while it is flooded.
            posted = random.random() < self.post_share
            started = time.perf_counter()
            try:
                if posted:
                    extensions = {"persistedQuery": {"version": 1, "sha256Hash": operation_id}}
                    body = json.dumps({"extensions": extensions, "variables": variables})
                    connection.request(
                        "POST",
                        "/graphql/",
                        body=body,
                        headers={**headers, "Content-Type": "application/json"},
                    )
                else:
                    connection.request(
                        "GET", persisted_path(operation_id, variables), headers=headers
                    )
                response = connection.getresponse()
                body = response.read()
            except OSError as exc:
                self.failures[f"{name}: {type(exc).__name__}"] += 1
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                continue
            elapsed = (time.perf_counter() - started) * 1000
            self.latencies.append(elapsed)
            if response.getheader("X-Cache") != "HIT":
                self.cms_latencies.append(elapsed)
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


def flood(port, seconds, flooders, results):
    """The abuser's connections, in a process of their own: the abuser is another machine,
    and its threads must not take the readers' interpreter lock nor, at a lower
    priority, the server's processor (the flood itself, 1,000s of requests a second, would
    otherwise take a core of this two-core machine)."""
    os.nice(10)
    stop_at = time.monotonic() + seconds
    floods = [Flooder(port, stop_at) for _ in range(flooders)]
    for thread in floods:
        thread.start()
    for thread in floods:
        thread.join(timeout=seconds + 60)
    results.put(dict(sum((flooder.statuses for flooder in floods), Counter())))


def run_phase(port, mix, readers, seconds, flooders=0, post_share=0.0):
    stop_at = time.monotonic() + seconds
    clients = [Reader(number, port, mix, stop_at, post_share) for number in range(readers)]
    results = multiprocessing.Queue()
    abuser = multiprocessing.Process(target=flood, args=(port, seconds, flooders, results))
    if flooders:
        abuser.start()
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join(timeout=seconds + 60)
    flood_statuses = results.get(timeout=120) if flooders else {}
    if flooders:
        abuser.join(timeout=60)
    latencies = [value for client in clients for value in client.latencies]
    failures = sum((client.failures for client in clients), Counter())
    cuts = statistics.quantiles(latencies, n=100)
    cms = [value for client in clients for value in client.cms_latencies]
    cms_cuts = statistics.quantiles(cms, n=100) if len(cms) > 1 else [float("nan")] * 99
    return {
        "requests": len(latencies),
        "cms_requests": len(cms),
        "cms_p99_ms": cms_cuts[98],
        "rps": len(latencies) / seconds,
        "p50_ms": cuts[49],
        "p99_ms": cuts[98],
        "errors": sum(failures.values()),
        "error_kinds": dict(failures.most_common(5)),
        "flood": {str(status): count for status, count in flood_statuses.items()},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=18766)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--flood-seconds", type=int, default=30)
    parser.add_argument("--flooders", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--front", choices=("varnish", "none"), default="varnish")
    parser.add_argument(
        "--post-share", type=float, default=0.2, help="readers' queries sent as POST (uncached)"
    )
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
        varnish = bench.start_varnish(args.port) if args.front == "varnish" else None
        if args.front == "varnish" and not varnish:
            bench.stop(server)
            raise SystemExit("varnishd or its modules not found: `make services`")
        port = int(varnish[1].rsplit(":", 1)[1]) if varnish else args.port
        try:
            mix = reader_requests(json.loads(MANIFEST.read_text()), article_slugs(port))
            run_phase(port, mix, 10, 5)  # warm-up: renditions, caches, connections
            share = args.post_share
            readers = run_phase(port, mix, args.readers, args.seconds, post_share=share)
            quiet = run_phase(port, mix, args.readers, args.flood_seconds, post_share=share)
            flooded = run_phase(
                port, mix, args.readers, args.flood_seconds, args.flooders, post_share=share
            )
        finally:
            if varnish:
                varnish[0].terminate()
                varnish[0].wait(timeout=30)
            bench.stop(server)
    finally:
        redis[0].terminate()
        redis[0].wait(timeout=10)

    front = "through Varnish" if args.front == "varnish" else "straight to gunicorn"
    print(f"\n{args.readers} readers, {front}, gunicorn {args.workers} sync workers, Redis\n")
    print("| phase | seconds | requests | req/s | p50 ms | p99 ms | errors | by the CMS | p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, result, seconds in (
        ("readers", readers, args.seconds),
        ("quiet", quiet, args.flood_seconds),
        (f"flood ({args.flooders} abusers)", flooded, args.flood_seconds),
    ):
        print(
            f"| {name} | {seconds} | {result['requests']} | {result['rps']:.0f} | "
            f"{result['p50_ms']:.1f} | {result['p99_ms']:.1f} | {result['errors']} | "
            f"{result['cms_requests']} | {result['cms_p99_ms']:.1f} |"
        )
    print(f"\nabusers' answers by status: {flooded['flood']}")
    print(
        f"readers' p99 under flood / quiet: {flooded['p99_ms'] / quiet['p99_ms']:.2f} (goal <= 2)"
    )
    ratio = flooded["cms_p99_ms"] / quiet["cms_p99_ms"]
    print(f"p99 of those the CMS answered, flood / quiet: {ratio:.2f}")
    for result in (readers, quiet, flooded):
        if result["error_kinds"]:
            print("errors:", result["error_kinds"])
    (bench.VAR / "load-results.json").write_text(
        json.dumps({"readers": readers, "quiet": quiet, "flood": flooded}, indent=2)
    )
    return 1 if readers["errors"] or flooded["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
