#!/usr/bin/env bash
# `make bench`: see scripts/bench.py. Installs wrk (Debian) when it is missing and
# we are root; otherwise bench.py falls back to a slower Python load generator.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; } || true
fi
exec "${PY:-.venv/bin/python}" scripts/bench.py "$@"
