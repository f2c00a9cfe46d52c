#!/usr/bin/env python3
"""Benchmark: the newsArticles GraphQL query against Wagtail's REST API and a bare view.

Serves the project with gunicorn (2 sync workers, production settings, SQLite
under var/bench/) on 127.0.0.1, checks that each endpoint answers with the same
20 articles, then loads each in turn with wrk (or a Python client when wrk is
absent) and prints requests per second and p50/p99 latency. Only 127.0.0.1 is
ever targeted; every run stops by itself.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
PY = os.environ.get("PY", str(ROOT / ".venv" / "bin" / "python"))

NEWS_QUERY = """{ newsArticles(locale: "en", perPage: 20) { items {
  id title url lead dateline firstPublishedAt
  heroImage { alt rendition(fill: "640x360", format: "webp") { url width height } }
  categories { name slug } country { name code } } } }"""
REST_FIELDS = "lead,dateline,first_published_at,hero,category_list,country"


def news_url(base, locale):
    query = NEWS_QUERY.replace('locale: "en"', f'locale: "{locale}"')
    return f"{base}/graphql/?" + urllib.parse.urlencode({"query": query})


def persisted_news_url(base, locale):
    """The same list as a persisted GET: the query's hash only (registered first)."""
    query = NEWS_QUERY.replace('locale: "en"', f'locale: "{locale}"')
    digest = hashlib.sha256(query.encode()).hexdigest()
    extensions = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": digest}})
    register = urllib.parse.urlencode({"query": query, "extensions": extensions})
    urllib.request.urlopen(f"{base}/graphql/?{register}").read()
    return f"{base}/graphql/?" + urllib.parse.urlencode({"extensions": extensions})


def start_redis():
    """A throwaway redis-server on a free port (None without one): (process, URL)."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        return None
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while port_is_free(port) and time.monotonic() < deadline:
        time.sleep(0.05)
    return process, f"redis://127.0.0.1:{port}/0"


CACHED = "GraphQL newsArticles (20), persisted GET, response cache"
CACHED_BARE = "bare Django view (/healthz), same server"
VARNISHED = "GraphQL newsArticles (20), persisted GET, through Varnish"


def cached_targets(base, varnish=None):
    """Run on a server with the response cache on (GRAPHQL_RESPONSE_CACHE=1), and through
    Varnish in front of it when there is one."""
    count = lambda b: len(b["data"]["newsArticles"]["items"])  # noqa: E731
    endpoints = {
        CACHED: (persisted_news_url(base, "en"), count),
        CACHED_BARE: (f"{base}/healthz", lambda b: 20 if b else 0),
    }
    if varnish:
        endpoints[VARNISHED] = (persisted_news_url(varnish, "en"), count)
    return endpoints


VCL = ROOT / "deploy" / "varnish" / "default.vcl"
XKEY = Path("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so")


def start_varnish(backend_port):
    """varnishd with the shipped VCL in front of 127.0.0.1:backend_port (None without
    varnishd and its xkey module): (process, base URL, work folder)."""
    if not shutil.which("varnishd") or not XKEY.exists():
        return None
    port = free_port()
    work = VAR / f"varnish-{port}"
    work.mkdir(parents=True, exist_ok=True)
    vcl = work / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"'))
    process = subprocess.Popen(
        ["varnishd", "-F", "-f", str(vcl), "-a", f"127.0.0.1:{port}", "-n", str(work / "n"),
         "-s", "malloc,64m"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while port_is_free(port) and time.monotonic() < deadline:
        time.sleep(0.05)
    return process, f"http://127.0.0.1:{port}", work


def start_worker(env):
    """The background worker (it sends the purges to Varnish)."""
    return subprocess.Popen(
        [PY, "manage.py", "run_worker"], cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


PUBLISH = """
import time
from news.models import NewsArticlePage
from wagtail.models import Locale
english = Locale.objects.get(language_code="en")
source = NewsArticlePage.objects.live().filter(locale=english).first()
copy = source.copy(update_attrs={"slug": "bench-breaking-%(stamp)s", "title": "%(title)s",
    "live": False, "first_published_at": None, "last_published_at": None}, log_action=None)
copy.save_revision().publish()
print("PUBLISHED", time.time())
"""


def publish_to_visible(env, urls, timeout=30):
    """Publish a new article in another process; seconds until each of `urls` (cached
    lists) shows it, from the moment publishing returned."""
    stamp = str(time.time_ns())
    title = f"Breaking news {stamp}"
    seen = {}

    def poll(name, url):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with urllib.request.urlopen(url, timeout=10) as response:
                if title.encode() in response.read():
                    seen[name] = time.time()
                    return
            time.sleep(0.02)

    pollers = [threading.Thread(target=poll, args=item) for item in urls.items()]
    for poller in pollers:
        poller.start()
    output = subprocess.run(
        [PY, "manage.py", "shell", "-c", PUBLISH % {"stamp": stamp, "title": title}],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    published = float(re.search(r"PUBLISHED ([\d.]+)", output).group(1))
    for poller in pollers:
        poller.join()
    return {name: (seen[name] - published) if name in seen else None for name in urls}


def targets(base):
    graphql = news_url(base, "en")
    rest = f"{base}/api/v2/pages/?" + urllib.parse.urlencode(
        {
            "type": "news.NewsArticlePage",
            "locale": "en",
            "limit": 20,
            "order": "-first_published_at",
            "fields": REST_FIELDS,
        }
    )
    return {
        "GraphQL newsArticles (20)": (graphql, lambda b: len(b["data"]["newsArticles"]["items"])),
        "Wagtail REST API v2 (20)": (rest, lambda b: len(b["items"])),
        "bare Django view (/healthz)": (f"{base}/healthz", lambda b: 20 if b else 0),
        # The same list of kk articles in Cyrillic and transliterated into Latin script.
        "GraphQL newsArticles kk (20)": (
            news_url(base, "kk"),
            lambda b: len(b["data"]["newsArticles"]["items"]),
        ),
        "GraphQL newsArticles kk-Latn (20)": (
            news_url(base, "kk-Latn"),
            lambda b: len(b["data"]["newsArticles"]["items"]),
        ),
    }


def environment(port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on 127.0.0.1
        "CMS_VAR_DIR": str(VAR),
        "DATABASE_URL": f"sqlite:///{VAR / 'db.sqlite3'}",
        "WAGTAIL_REST_API": "1",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        # One client asking thousands of times a second is what a rate limit stops.
        "API_RATE_LIMIT_ENABLED": "0",
    }


def prepare(env, articles):
    VAR.mkdir(parents=True, exist_ok=True)
    for command in (["migrate", "--noinput", "-v", "0"], ["load_demo"]):
        subprocess.run(
            [PY, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    for locale in ("en", "kk"):
        subprocess.run(
            [PY, "manage.py", "bench_content", "--locale", locale, "--articles", str(articles)],
            cwd=ROOT,
            env=env,
            check=True,
        )


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port):
    import socket

    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def serve(env, port, workers):
    if not port_is_free(port):
        raise SystemExit(f"127.0.0.1:{port} is already in use: stop that server or pass --port")
    gunicorn = str(Path(PY).parent / "gunicorn")
    process = subprocess.Popen(
        [
            gunicorn,
            "cms.wsgi:application",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process
        except OSError:
            time.sleep(0.3)
    os.killpg(process.pid, signal.SIGTERM)
    raise SystemExit("gunicorn did not start within 60 s")


def check(url, count_items):
    with urllib.request.urlopen(url, timeout=30) as response:
        body = json.loads(response.read())
    if "errors" in body:
        raise SystemExit(f"{url} answered errors: {body['errors']}")
    found = count_items(body)
    if found != 20:
        raise SystemExit(f"{url} returned {found} items, expected 20")


def load_with_wrk(url, seconds, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(label):
        value, unit = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, percentile("50"), percentile("99"), int(errors.group(1)) if errors else 0


def load_with_python(url, seconds, connections):
    """Fallback when wrk is absent: keep-alive clients in threads (less precise)."""
    import http.client

    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies, errors, stop = [], [0], time.monotonic() + seconds

    def client():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < stop:
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / seconds, cuts[49], cuts[98], errors[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=18765)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()

    env = environment(args.port)
    prepare(env, args.articles)
    load = load_with_wrk if shutil.which("wrk") else load_with_python
    results, visible = {}, {}
    base = f"http://127.0.0.1:{args.port}"

    def measure(endpoints):
        for name, (url, count_items) in endpoints.items():
            check(url, count_items)
            load(url, 2, args.connections)  # warm-up: imports, connections, renditions
            rps, p50, p99, errors = load(url, args.seconds, args.connections)
            results[name] = {"rps": rps, "p50_ms": p50, "p99_ms": p99, "errors": errors}

    # Uncached first.
    server = serve(env, args.port, args.workers)
    try:
        measure(targets(base))
    finally:
        stop(server)
    # Then a server with Redis (the response cache and persisted queries shared by the
    # workers), where the list is asked by its hash as the reader does, and Varnish in
    # front of it purged by the worker; then the time from publish to a new article in
    # the cached lists.
    redis = start_redis()
    if not redis:
        print("redis-server not found (make services): no response-cache rows")
        return report(args, load, results, visible)
    varnish = start_varnish(args.port)
    if not varnish:
        print("varnishd or its xkey module not found (make services): no Varnish rows")
    cached_env = {**env, "REDIS_URL": redis[1]}
    if varnish:
        cached_env["CACHE_PURGE_BACKENDS"] = f"varnish:{varnish[1]}/"
    server = serve(cached_env, args.port, args.workers)
    worker = start_worker(cached_env)
    try:
        endpoints = cached_targets(base, varnish and varnish[1])
        measure(endpoints)
        lists = {name: url for name, (url, _count) in endpoints.items() if name != CACHED_BARE}
        visible = publish_to_visible(cached_env, lists)
    finally:
        stop(server)
        stop(worker)
        if varnish:
            varnish[0].terminate()
            varnish[0].wait(timeout=10)
            shutil.rmtree(varnish[2], ignore_errors=True)
        redis[0].terminate()
        redis[0].wait(timeout=10)
    return report(args, load, results, visible)


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def report(args, load, results, visible):

    print(
        f"\nload: {load.__name__[10:]}, {args.connections} connections, {args.seconds} s each, "
        f"gunicorn {args.workers} sync workers\n"
    )
    print("| endpoint | req/s | p50 ms | p99 ms | non-2xx |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, r in results.items():
        print(
            f"| {name} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors']} |"
        )
    rps = {name: r["rps"] for name, r in results.items()}
    graphql, rest = rps["GraphQL newsArticles (20)"], rps["Wagtail REST API v2 (20)"]
    bare = rps["bare Django view (/healthz)"]
    kk, latin = rps["GraphQL newsArticles kk (20)"], rps["GraphQL newsArticles kk-Latn (20)"]
    print(f"\nGraphQL / REST: {graphql / rest:.1f}x   GraphQL / bare view: {graphql / bare:.3f}")
    for name, label in ((CACHED, "cached persisted GET"), (VARNISHED, "through Varnish")):
        if name in rps:
            print(f"{label} / bare view (same server): {rps[name] / rps[CACHED_BARE]:.2f}")
    print(f"kk-Latn / kk: {latin / kk:.2f}")
    for name, seconds in visible.items():
        shown = "not within 30 s" if seconds is None else f"{seconds:.2f} s"
        print(f"publish to visible, {name.split(', ')[-1]}: {shown}")
    (VAR / "results.json").write_text(
        json.dumps({"endpoints": results, "publish_to_visible_s": visible}, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
