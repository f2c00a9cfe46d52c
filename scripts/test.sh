#!/usr/bin/env bash
# Run the pytest suite on SQLite, then on PostgreSQL (what `make test` runs after the linters).
#
#   scripts/test.sh [all|sqlite|postgres] [pytest arguments...]
#
# The PostgreSQL leg uses DATABASE_URL if it is set (the role needs CREATEDB:
# pytest-django creates the test database), else a throwaway cluster started
# and stopped here (scripts/pg-test-cluster.sh). Without PostgreSQL only the
# SQLite leg runs. Exit status: non-zero if any leg failed.
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

# run_leg NAME [VAR=value...]: pytest with those variables; "no tests collected" (5) is no failure.
run_leg() {
    local name=$1 rc=0 started=$SECONDS
    shift
    echo "==> pytest on $name"
    env "$@" "$PY" -m pytest "${pytest_args[@]}" || rc=$?
    if [[ $rc -eq 5 ]]; then
        echo "==> no tests collected on $name"
        rc=0
    fi
    echo "==> $name: $([[ $rc -eq 0 ]] && echo passed || echo "FAILED ($rc)") in $((SECONDS - started)) s"
    [[ $rc -eq 0 ]] || failed+=("$name")
}
pytest_args=("$@")

pg_dir=""
stop_cluster() {
    if [[ -n "$pg_dir" ]]; then
        scripts/pg-test-cluster.sh stop "$pg_dir"
        pg_dir=""
    fi
}
trap stop_cluster EXIT

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

if [[ $legs != postgres ]]; then
    run_leg SQLite
fi

case $pg_mode in
    url)
        run_leg "PostgreSQL (DATABASE_URL)" DATABASE_URL="$postgres_url"
        ;;
    cluster)
        if cluster=$(PYTHON=$PY scripts/pg-test-cluster.sh start); then
            pg_dir=$(sed -n 's/^PG_TEST_DIR=//p' <<<"$cluster")
            run_leg PostgreSQL DATABASE_URL="$(sed -n 's/^DATABASE_URL=//p' <<<"$cluster")"
            stop_cluster
        else
            echo "==> could not start the throwaway PostgreSQL cluster"
            failed+=("PostgreSQL (cluster start)")
        fi
        ;;
esac

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "==> FAILED: ${failed[*]}"
    exit 1
fi
echo "==> all test legs passed"
