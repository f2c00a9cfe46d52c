import pytest

from tests.partners.webhook_receiver import Receiver


@pytest.fixture
def receiver():
    """A real HTTP receiver on 127.0.0.1 (tests/partners/webhook_receiver.py)."""
    server = Receiver()
    yield server
    server.close()
