"""Fixtures of the API's tests."""

import pytest
from django.db import transaction

from tests.factories import make_trees


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Content made once for this module's tests (each test's own writes are still
    undone after it), in a transaction rolled back at the module's end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def module_trees(module_db):
    return make_trees()
