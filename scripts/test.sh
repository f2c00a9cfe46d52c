#!/usr/bin/env bash
# Run the pytest suite on SQLite and on PostgreSQL (what `make test` runs after the linters).
#
#   scripts/test.sh [all|sqlite|postgres] [pytest arguments...]
#
# The PostgreSQL leg uses DATABASE_URL if it is set (the role needs CREATEDB:
# pytest-django creates the test database), else a throwaway cluster started
# and stopped here (scripts/pg-test-cluster.sh). Without PostgreSQL only the
# SQLite leg runs. Exit status: non-zero if any leg failed.
#
# With both legs ("all"), the slow suites (tests/browser, tests/edge: a real browser
# and a real Varnish) run in the SQLite leg only, and the two legs run at the same
# time (each is one pytest process; the machine has two cores): the PostgreSQL leg's
# output as it comes, the SQLite leg's (var/test-sqlite.log) when it is done.
# TEST_LEGS_IN_PARALLEL=0 runs them one after the other.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
legs=${1:-all}
shift || true
case "$legs" in all | sqlite | postgres) ;; *) echo "usage: $0 [all|sqlite|postgres] [pytest args]" >&2; exit 2 ;; esac

export DJANGO_SETTINGS_MODULE=cms.settings.test
postgres_url=${DATABASE_URL:-}
unset DATABASE_URL  # the SQLite leg must not pick it up
failed=()

# leg NAME [VAR=value...]: pytest with those variables; "no tests collected" (5) is no failure.
leg() {
    local name=$1 rc=0 started=$SECONDS
    shift
    echo "==> pytest on $name"
    env "$@" "$PY" -m pytest "${pytest_args[@]}" || rc=$?
    if [[ $rc -eq 5 ]]; then
        echo "==> no tests collected on $name"
        rc=0
    fi
    echo "==> $name: $([[ $rc -eq 0 ]] && echo passed || echo "FAILED ($rc)") in $((SECONDS - started)) s"
    return $rc
}
run_leg() {
    leg "$@" || failed+=("$1")
}
pytest_args=("$@")

pg_dir=""
stop_cluster() {
    if [[ -n "$pg_dir" ]]; then
        scripts/pg-test-cluster.sh stop "$pg_dir"
        pg_dir=""
    fi
}
sqlite_pid=""
cleanup() {
    if [[ -n $sqlite_pid ]]; then
        kill "$sqlite_pid" 2>/dev/null || true
    fi
    stop_cluster
}
trap cleanup EXIT

pg_mode=none
if [[ $legs != sqlite ]]; then
    if [[ -n $postgres_url ]]; then
        pg_mode=url
    elif PYTHON=$PY scripts/pg-test-cluster.sh available; then
        pg_mode=cluster
    elif [[ $legs == postgres ]]; then
        echo "PostgreSQL not available"
        exit 1
    else
        echo "PostgreSQL not available: running the SQLite leg only"
    fi
fi

pg_name="" pg_url=""
case $pg_mode in
    url)
        pg_name="PostgreSQL (DATABASE_URL)" pg_url=$postgres_url
        ;;
    cluster)
        if cluster=$(PYTHON=$PY scripts/pg-test-cluster.sh start); then
            pg_dir=$(sed -n 's/^PG_TEST_DIR=//p' <<<"$cluster")
            pg_name=PostgreSQL pg_url=$(sed -n 's/^DATABASE_URL=//p' <<<"$cluster")
        else
            echo "==> could not start the throwaway PostgreSQL cluster"
            failed+=("PostgreSQL (cluster start)")
        fi
        ;;
esac

pg_env=(DATABASE_URL="$pg_url")
if [[ $legs == all ]]; then
    pg_env+=(OTANDAS_SLOW_SUITES=skip)  # tests/conftest.py
fi

if [[ $legs != postgres && -n $pg_url && ${TEST_LEGS_IN_PARALLEL:-1} != 0 ]]; then
    mkdir -p var
    sqlite_log=var/test-sqlite.log
    echo "==> pytest on SQLite in the background: $sqlite_log"
    leg SQLite >"$sqlite_log" 2>&1 &
    sqlite_pid=$!
    run_leg "$pg_name" "${pg_env[@]}"
    sqlite_rc=0
    wait "$sqlite_pid" || sqlite_rc=$?
    sqlite_pid=""
    echo "==> the SQLite leg's output ($sqlite_log):"
    cat "$sqlite_log"
    [[ $sqlite_rc -eq 0 ]] || failed+=(SQLite)
else
    if [[ $legs != postgres ]]; then
        run_leg SQLite
    fi
    if [[ -n $pg_url ]]; then
        run_leg "$pg_name" "${pg_env[@]}"
    fi
fi
stop_cluster

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "==> FAILED: ${failed[*]}"
    exit 1
fi
echo "==> all test legs passed"
