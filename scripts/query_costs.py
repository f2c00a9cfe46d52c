"""What the known queries weigh against the GraphQL limits (cms/api/limits.py).

    DJANGO_SETTINGS_MODULE=cms.settings.test python scripts/query_costs.py

The known queries: the reader's (reader/static/reader/app.js, with the variables it
sends), the README's and docs' examples, and the benchmark's (scripts/bench.py). For
each: bytes, tokens, depth, aliases, directives and cost, and the room left under the
tightest limit. tests/api/test_limits.py asserts they all pass with room.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READER_JS = ROOT / "reader" / "static" / "reader" / "app.js"
DOCUMENTS = [ROOT / "README.md", ROOT / "docs" / "partners-sync.md"]

# What the reader sends with each query (its NEWS_PER_PAGE is 6).
READER_VARIABLES = {
    "HOME_QUERY": {"locale": "kk", "perPage": 6},
    "NEWS_LIST_QUERY": {"locale": "kk", "page": 2, "perPage": 6},
}
CONSTANT = re.compile(r"^const (\w+) = /\* GraphQL \*/ `(.*?)`;", re.S | re.M)
COMPOSED = re.compile(
    r"^const (\w+) = withFragments\(\s*/\* GraphQL \*/ `(.*?)`,(.*?)\);", re.S | re.M
)
FENCED = re.compile(r"^```graphql\n(.*?)^```", re.S | re.M)


def reader_queries():
    """{name: (document, variables)} for every query app.js sends."""
    source = READER_JS.read_text()
    parts = dict(CONSTANT.findall(source))
    queries = {name: text for name, text in parts.items() if name.endswith("_QUERY")}
    for name, text, fragments in COMPOSED.findall(source):
        names = [fragment.strip() for fragment in fragments.split(",") if fragment.strip()]
        queries[name] = "\n".join([text, *(parts[fragment] for fragment in names)])
    return {name: (text, READER_VARIABLES.get(name, {})) for name, text in queries.items()}


def documented_queries():
    """{file:line: (document, {})} for the ```graphql queries of the README and docs."""
    found = {}
    for path in DOCUMENTS:
        text = path.read_text()
        for match in FENCED.finditer(text):
            if not match.group(1).lstrip().startswith(("{", "query", "fragment")):
                continue  # a field's signature, not a query
            line = text[: match.start()].count("\n") + 1
            found[f"{path.name}:{line}"] = (match.group(1), {})
    return found


def benchmark_query():
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench import NEWS_QUERY

    return {"bench NEWS_QUERY": (NEWS_QUERY, {})}


def known_queries():
    return {**reader_queries(), **documented_queries(), **benchmark_query()}


def weigh(schema, query, variables):
    """{measure: (value, limit)} for one query; the limits are the settings in force."""
    from django.conf import settings
    from graphql import get_operation_ast, parse
    from graphql.language import Lexer, Source, TokenKind

    from cms.api import limits

    lexer = Lexer(Source(query))
    tokens = 0
    while lexer.advance().kind != TokenKind.EOF:
        tokens += 1
    document = parse(query)
    shape = limits.measure(document)
    operation = get_operation_ast(document)
    return {
        "bytes": (len(query.encode()), settings.GRAPHQL_MAX_BYTES),
        "tokens": (tokens, settings.GRAPHQL_MAX_TOKENS),
        "depth": (shape.depth, settings.GRAPHQL_MAX_DEPTH),
        "aliases": (shape.aliases, settings.GRAPHQL_MAX_ALIASES),
        "directives": (shape.directives, settings.GRAPHQL_MAX_DIRECTIVES),
        "cost": (
            limits.query_cost(schema, document, operation, variables),
            settings.GRAPHQL_MAX_COST,
        ),
    }


def main():
    import django

    django.setup()
    from cms.schema import schema

    columns = ["bytes", "tokens", "depth", "aliases", "directives", "cost"]
    print(f"{'query':<28}" + "".join(f"{c:>11}" for c in columns) + "   tightest")
    for name, (query, variables) in known_queries().items():
        weights = weigh(schema.graphql_schema, query, variables)
        tightest = max(columns, key=lambda c: weights[c][0] / weights[c][1])
        value, limit = weights[tightest]
        print(
            f"{name:<28}"
            + "".join(f"{weights[c][0]:>11}" for c in columns)
            + f"   {tightest} {value}/{limit} ({100 * value / limit:.0f} %)"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
