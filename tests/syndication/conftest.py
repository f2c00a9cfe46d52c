import pytest

from tests.syndication.webhook_receiver import Receiver


@pytest.fixture
def receiver():
    """A real HTTP receiver on 127.0.0.1 (tests/syndication/webhook_receiver.py)."""
    server = Receiver()
    yield server
    server.close()
