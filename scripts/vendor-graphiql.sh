#!/usr/bin/env bash
# Refresh the GraphiQL assets vendored in cms/static/graphiql/ from the npm registry.
#
#   scripts/vendor-graphiql.sh            (or: make vendor-graphiql)
#
# They are committed, not installed by `make run`, so that the project keeps needing
# only Python, git and make, and GraphiQL works offline from the first run; npm is
# needed only here. Versions are pinned below (grapple 0.31's own view names the same
# ones); `npm pack` checks each tarball against the registry's integrity hash. The
# `sourceMappingURL` comments are removed: the maps are not vendored (4 MB), and
# production's manifest storage refuses to collect a file whose map is missing.
set -euo pipefail

GRAPHIQL_VERSION=2.4.7
REACT_VERSION=18.2.0

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST="$ROOT/cms/static/graphiql"
command -v npm >/dev/null || { echo "npm not found: it is needed to refresh the GraphiQL assets"; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

unpack() {  # unpack NAME VERSION: the package's files under $WORK/NAME/
	(cd "$WORK" && npm pack --silent "$1@$2" >/dev/null)
	mkdir -p "$WORK/$1"
	tar -xzf "$WORK/$1-$2.tgz" -C "$WORK/$1" --strip-components=1
}

unpack graphiql "$GRAPHIQL_VERSION"
unpack react "$REACT_VERSION"
unpack react-dom "$REACT_VERSION"

mkdir -p "$DEST"
strip_map() { sed -E '/^\/[*/]# sourceMappingURL=.*$/d' "$1" >"$2"; }
strip_map "$WORK/graphiql/graphiql.min.js" "$DEST/graphiql.min.js"
strip_map "$WORK/graphiql/graphiql.min.css" "$DEST/graphiql.min.css"
cp "$WORK/react/umd/react.production.min.js" "$DEST/react.production.min.js"
cp "$WORK/react-dom/umd/react-dom.production.min.js" "$DEST/react-dom.production.min.js"
cp "$WORK/graphiql/LICENSE" "$DEST/LICENSE.graphiql.txt"
cp "$WORK/react/LICENSE" "$DEST/LICENSE.react.txt"
cp "$WORK/react-dom/LICENSE" "$DEST/LICENSE.react-dom.txt"
cat >"$DEST/README.md" <<NOTE
# GraphiQL for /graphiql/ (development only), served from here, never from a CDN

From the npm registry, unchanged but for their \`sourceMappingURL\` comments:

| file | package |
| --- | --- |
| graphiql.min.js, graphiql.min.css | graphiql $GRAPHIQL_VERSION (MIT: LICENSE.graphiql.txt) |
| react.production.min.js | react $REACT_VERSION, umd/ (MIT: LICENSE.react.txt) |
| react-dom.production.min.js | react-dom $REACT_VERSION, umd/ (MIT: LICENSE.react-dom.txt) |

The page that loads them is cms/templates/grapple/graphiql.html. Refresh or upgrade
with \`make vendor-graphiql\` (scripts/vendor-graphiql.sh, where the versions are pinned).
NOTE
echo "GraphiQL $GRAPHIQL_VERSION and React $REACT_VERSION are in ${DEST#"$ROOT"/}:"
du -ch "$DEST"/*.js "$DEST"/*.css | tail -n 1
