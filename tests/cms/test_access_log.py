"""One access line per request, the request id everywhere, tracebacks only in the log."""

import json
import logging
import re

import pytest
from django.test import Client
from pythonjsonlogger.json import JsonFormatter

from cms.api import request_id
from cms.settings.logging import logging_config

pytestmark = pytest.mark.django_db
QUERY = "query Ticker { __typename }"


@pytest.fixture
def access(caplog):
    caplog.set_level(logging.INFO, logger="cms.access")
    return lambda: [r for r in caplog.records if r.name == "cms.access"]


def test_a_sane_incoming_request_id_is_kept_in_the_header_and_the_line(client, access):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-4f2a.9"})
    assert response["X-Request-ID"] == "lb-4f2a.9"
    (line,) = access()
    assert (line.request_id, line.method, line.path, line.status) == (
        "lb-4f2a.9",
        "GET",
        "/healthz",
        200,
    )
    assert line.duration_ms >= 0
    assert line.user_id is None and line.partner_client_id is None


def test_an_odd_incoming_request_id_is_replaced(client, access):
    response = client.get("/healthz", headers={"X-Request-ID": "<script>" + "x" * 80})
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert access()[0].request_id == response["X-Request-ID"]


def test_the_graphql_line_has_the_operation_and_its_cost(client, access):
    response = client.post(
        "/graphql/",
        {"query": QUERY, "operationName": "Ticker"},
        content_type="application/json",
    )
    assert response.status_code == 200
    (line,) = access()
    assert line.graphql_operation == "Ticker"
    assert line.graphql_cost == int(response["X-GraphQL-Cost"])
    assert line.request_id == response["X-Request-ID"]  # the view's id is the same


def test_a_signed_in_user_is_on_the_line(client, access, django_user_model):
    user = django_user_model.objects.create_user("ed", password="x")
    client.force_login(user)
    client.get("/healthz")
    assert access()[-1].user_id == user.pk


def test_an_exception_is_logged_with_its_traceback_and_id_never_answered(
    monkeypatch, caplog, access
):
    def broken():
        raise RuntimeError("secret internals")

    monkeypatch.setattr("cms.health.worker_health.status", broken)
    response = Client(raise_request_exception=False).get("/readyz/worker")
    assert response.status_code == 500
    assert b"secret internals" not in response.content
    assert b"Traceback" not in response.content
    (error,) = [r for r in caplog.records if r.name == "django.request"]
    assert error.exc_info[0] is RuntimeError
    assert error.request_id == response["X-Request-ID"] == access()[0].request_id


def test_json_lines_carry_the_fields_the_request_id_and_the_traceback():
    config = logging_config("json", "INFO")["formatters"]["json"]
    formatter = JsonFormatter(fmt=config["fmt"], rename_fields=config["rename_fields"])
    logger = logging.getLogger("cms.access")
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logger.makeRecord(
            "cms.access",
            logging.ERROR,
            __file__,
            1,
            "GET / 500",
            (),
            sys.exc_info(),
            extra={"status": 500, "duration_ms": 3.2},
        )
    with request_id.bound("abc123"):
        request_id.RequestIdFilter().filter(record)
    line = json.loads(formatter.format(record))
    assert line["level"] == "ERROR" and line["logger"] == "cms.access"
    assert line["message"] == "GET / 500" and line["request_id"] == "abc123"
    assert line["status"] == 500 and line["duration_ms"] == 3.2
    assert "ValueError: boom" in line["exc_info"]


def test_log_format_is_text_unless_asked_and_refuses_others(settings):
    assert settings.LOG_FORMAT == "text"
    assert "json" in logging_config("json", "INFO")["formatters"]
    with pytest.raises(ValueError):
        logging_config("xml", "INFO")
