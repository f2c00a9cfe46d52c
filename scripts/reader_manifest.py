"""The reader's GraphQL documents as an Apollo persisted query manifest.

    python scripts/reader_manifest.py write   # reader/persisted-queries.json
    python scripts/reader_manifest.py check   # fail if it is not what app.js sends

A deployment with GRAPHQL_TRUSTED_DOCUMENTS_ONLY registers it:
`manage.py register_persisted_queries reader/persisted-queries.json`.
"""

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "reader" / "persisted-queries.json"
sys.path.insert(0, str(ROOT / "scripts"))

from query_costs import reader_queries  # noqa: E402


def manifest():
    operations = []
    for name, (document, _variables) in sorted(reader_queries().items()):
        operations.append(
            {
                "id": hashlib.sha256(document.encode()).hexdigest(),
                "name": name,
                "type": "query",
                "body": document,
            }
        )
    text = {"format": "apollo-persisted-query-manifest", "version": 1, "operations": operations}
    return json.dumps(text, indent=2, ensure_ascii=False) + "\n"


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "write":
        MANIFEST.write_text(manifest())
        print(f"wrote {MANIFEST.relative_to(ROOT)}")
    elif command == "check":
        if not MANIFEST.exists() or MANIFEST.read_text() != manifest():
            sys.exit(
                f"{MANIFEST.relative_to(ROOT)} is out of date: run scripts/reader_manifest.py write"
            )
        print(f"{MANIFEST.relative_to(ROOT)} is up to date")
    else:
        sys.exit("usage: reader_manifest.py write|check")


if __name__ == "__main__":
    main()
