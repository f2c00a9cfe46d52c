#!/usr/bin/env python3
"""CPU cost of one benchmark request, measured in process (no HTTP server, no load generator).

Runs `make bench`'s requests through Django's test client against the database
`make bench` prepared (var/bench/), with the same production settings, and
prints the CPU milliseconds per request (best and median of five rounds).
`--profile` adds cProfile's top functions by cumulative time.

    .venv/bin/python scripts/profile_request.py [graphql|rest|bare|kk|kk-latn] [--profile]
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import bench  # noqa: E402  (scripts/bench.py: the same requests and settings)

ENDPOINTS = {
    "graphql": "GraphQL newsArticles (20)",
    "rest": "Wagtail REST",
    "bare": "bare Django",
    "kk": "GraphQL newsArticles kk (20)",
    "kk-latn": "GraphQL newsArticles kk-Latn (20)",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("endpoint", choices=ENDPOINTS, nargs="?", default="graphql")
    parser.add_argument("--requests", type=int, default=150, help="requests per round")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    if not (bench.VAR / "db.sqlite3").exists():
        raise SystemExit("No benchmark database: run `make bench` once first.")
    os.environ.update(bench.environment(port=0))
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    os.chdir(ROOT)
    import django

    django.setup()
    from django.test import Client

    url, _count_items = next(
        target
        for name, target in bench.targets("").items()
        if name.startswith(ENDPOINTS[args.endpoint])
    )
    client = Client()
    for _ in range(20):  # warm-up: imports, caches, renditions
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]

    rounds = []
    for _ in range(5):
        started = time.process_time()
        for _ in range(args.requests):
            client.get(url)
        rounds.append((time.process_time() - started) / args.requests * 1000)
    print(
        f"{args.endpoint}: {min(rounds):.2f} ms CPU per request "
        f"(best of 5 rounds; median {statistics.median(rounds):.2f})"
    )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            client.get(url)
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(40)
        stats.print_stats("languages")  # where the time of transliteration (kk-latn) goes


if __name__ == "__main__":
    main()
