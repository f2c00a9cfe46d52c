#!/usr/bin/env bash
# The committed GraphQL schema (schema.graphql) and the check that it matches the code.
#
#   scripts/schema.sh write    regenerate schema.graphql
#   scripts/schema.sh check    fail, showing the difference, if schema.graphql is not what the code builds
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
SCHEMA=schema.graphql

generate() {  # generate FILE
    DJANGO_SETTINGS_MODULE=cms.settings.test "$PY" -W ignore::DeprecationWarning manage.py \
        graphql_schema --schema cms.schema.schema --out "$1" >/dev/null
}

case "${1:-}" in
    write)
        generate "$SCHEMA"
        echo "wrote $SCHEMA"
        ;;
    check)
        if [[ ! -f $SCHEMA ]]; then
            echo "$SCHEMA is missing: run \`make schema\` and commit it." >&2
            exit 1
        fi
        tmp=$(mktemp -d)
        trap 'rm -rf "$tmp"' EXIT
        generate "$tmp/$SCHEMA"
        if ! diff -u --label "$SCHEMA (committed)" --label "$SCHEMA (built from the code)" \
            "$SCHEMA" "$tmp/$SCHEMA"; then
            echo "$SCHEMA is out of date: review the difference above, run \`make schema\` and commit it." >&2
            exit 1
        fi
        echo "$SCHEMA is up to date"
        ;;
    *)
        echo "usage: $0 write|check" >&2
        exit 2
        ;;
esac
