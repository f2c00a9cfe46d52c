import pytest
from django.core.cache import caches


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
