"""With the database down, probes and the API answer 503 without leaking the driver's message.

The process under test is real and so is the failure: it points at a port where
no database listens.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client()
out = {}
r = client.get("/readyz")
out["readyz"] = [r.status_code, r.json()]
r = client.get("/healthz")
out["healthz"] = [r.status_code, r.json()]
r = client.post("/graphql/", {"query": '{ newsArticles(locale: "en") { items { title } } }'},
                content_type="application/json")
out["graphql"] = [r.status_code, r.content.decode()]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def answers():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": "postgresql://nobody:secret@127.0.0.1:9/otandas",
    }
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_readyz_is_503_with_a_reason(answers):
    status, body = answers["readyz"]
    assert status == 503
    assert body == {"status": "unavailable", "reason": "database unreachable"}


def test_healthz_stays_up(answers):
    assert answers["healthz"] == [200, {"status": "ok"}]


def test_graphql_is_503_service_unavailable_without_driver_message(answers):
    status, text = answers["graphql"]
    assert status == 503
    body = json.loads(text)
    assert body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    for leak in ("127.0.0.1", "connection", "psycopg", "Traceback", "port 9"):
        assert leak not in text
