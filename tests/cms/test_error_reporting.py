"""Sentry: off without SENTRY_DSN; with it, no personal data and the request id as a tag."""

import sentry_sdk

from cms import error_reporting
from cms.api import request_id


def test_off_without_a_dsn(monkeypatch, settings):
    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **kwargs: calls.append(kwargs))
    settings.SENTRY_DSN = ""
    assert error_reporting.init() is False
    assert calls == []


def test_on_with_a_dsn_and_no_personal_data(monkeypatch, settings):
    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **kwargs: calls.append(kwargs))
    settings.SENTRY_DSN = "https://key@sentry.example.org/1"
    settings.SENTRY_ENVIRONMENT = "staging"
    settings.SENTRY_RELEASE = "2026.12.1"
    assert error_reporting.init() is True
    (options,) = calls
    assert options["dsn"] == "https://key@sentry.example.org/1"
    assert (options["environment"], options["release"]) == ("staging", "2026.12.1")
    assert options["send_default_pii"] is False
    assert options["max_request_body_size"] == "never"
    assert options["include_local_variables"] is False
    assert [type(i).__name__ for i in options["integrations"]] == ["DjangoIntegration"]
    with request_id.bound("req-42"):
        event = options["before_send"]({"message": "boom"}, {})
    assert event["tags"] == {"request_id": "req-42"}
