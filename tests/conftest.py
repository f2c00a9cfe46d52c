import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

# The slow suites: a real browser, a real Varnish. scripts/test.sh runs them in one
# database leg only (OTANDAS_SLOW_SUITES=skip in the other).
SLOW_SUITES = ("browser", "edge", "fuzz")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("OTANDAS_SLOW_SUITES") != "skip":
        return
    here = Path(__file__).parent
    slow = [here / name for name in SLOW_SUITES]
    skip = pytest.mark.skip(reason="a slow suite: run in the SQLite leg only (scripts/test.sh)")
    for item in items:
        if any(folder in Path(item.fspath).parents for folder in slow):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _clear_caches():
    """Each test starts with empty caches (renditions, responses)."""
    for alias in ("default", "renditions"):
        caches[alias].clear()
    yield


@pytest.fixture
def graphql(client):
    """POST a GraphQL document; returns (HTTP status, parsed JSON body)."""

    def run(query, variables=None, headers=None):
        response = client.post(
            "/graphql/",
            {"query": query, "variables": variables or {}},
            content_type="application/json",
            headers=headers or {},
        )
        return response.status_code, response.json()

    return run


@pytest.fixture
def trees(db):
    from tests.factories import make_trees

    return make_trees()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """`load_demo` once for the module, in a transaction rolled back at its end, with its
    media and var/ files in a temporary folder; its output."""
    var = tmp_path_factory.mktemp("var")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(var / "media"), VAR_DIR=var):
        with transaction.atomic():
            out = StringIO()
            call_command("load_demo", stdout=out)
            yield out.getvalue()
            transaction.set_rollback(True)
