#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite.
#
#   scripts/pg-test-cluster.sh start        prints shell assignments to eval:
#                                             PG_TEST_DIR=...  DATABASE_URL=...
#   scripts/pg-test-cluster.sh stop DIR     stops that cluster and deletes DIR
#   scripts/pg-test-cluster.sh available    exit 0 if a cluster can be started here
#
# The cluster listens on 127.0.0.1 only, on a free port, with fsync off and
# trust authentication; its data directory is new for every run, so parallel
# runs do not meet. initdb refuses to run as root, so as root the server runs
# as the `postgres` user, in a directory that user can reach: under var/ if
# it can, else under /tmp. Messages go to stderr; only the assignments to stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PG_BIN=${PG_BIN:-}
if [[ -z "$PG_BIN" ]]; then
    for candidate in /usr/lib/postgresql/*/bin; do   # the highest version installed
        [[ -x "$candidate/initdb" ]] && PG_BIN=$candidate
    done
    if [[ -z "$PG_BIN" ]] && command -v initdb >/dev/null; then
        PG_BIN=$(dirname "$(command -v initdb)")
    fi
fi
DB_NAME=otandas
DB_USER=otandas

say() { echo "pg-test-cluster: $*" >&2; }

# Run a PostgreSQL program as the user that owns the cluster.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

available() {
    [[ -n "$PG_BIN" && -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || return 1
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 && command -v runuser >/dev/null || return 1
    fi
}

# A parent directory for the data directory that the server's user can enter.
data_parent() {
    mkdir -p "$ROOT/var"
    if as_pg test -x "$ROOT/var" -a -r "$ROOT/var" 2>/dev/null; then
        echo "$ROOT/var"
    else
        echo "${TMPDIR:-/tmp}"
    fi
}

free_port() {
    "${PYTHON:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Remove what runs killed before they could stop their cluster left behind
# (directories over 10 minutes old with no server running in them).
reap_stale() {
    local parent=$1 dir
    find "$parent" -maxdepth 1 -name "otandas-pg-$(id -u)-*" -mmin +10 -print 2>/dev/null |
    while read -r dir; do
        as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1 || rm -rf "$dir"
    done
}

start() {
    available || { say "no usable PostgreSQL (binaries in ${PG_BIN:-nowhere})"; exit 3; }
    local parent dir port
    parent=$(data_parent)
    reap_stale "$parent"
    dir=$(mktemp -d "$parent/otandas-pg-$(id -u)-XXXXXX")
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    port=$(free_port)
    {
        as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync \
            --encoding=UTF8 --locale=C.UTF-8 --no-instructions >"$dir/initdb.log" 2>&1 &&
        as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
            -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            >/dev/null &&
        as_pg "$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
            -c "CREATE ROLE $DB_USER LOGIN CREATEDB" -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >&2
    } || {
        say "could not start PostgreSQL; logs:"
        cat "$dir"/*.log >&2 2>/dev/null || true
        stop "$dir"
        exit 1
    }
    say "started PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$port ($dir)"
    echo "PG_TEST_DIR=$dir"
    echo "DATABASE_URL=postgres://$DB_USER@127.0.0.1:$port/$DB_NAME"
}

stop() {
    local dir=${1:?usage: $0 stop DIR}
    [[ -d "$dir" ]] || return 0
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 ||
            say "pg_ctl stop failed for $dir"
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    available) available ;;
    *) echo "usage: $0 start | stop DIR | available" >&2; exit 2 ;;
esac
