"""The Content Security Policy (README, Security): strict on the reader, the admin's
exceptions on its pages only, none on the API's JSON. The browser tests run every page
under it and fail on any violation (tests/browser/conftest.py)."""

import json
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from cms.csp import origins

pytestmark = pytest.mark.django_db


def policy(response, header="Content-Security-Policy"):
    """The header as {directive: [sources]}."""
    assert header in response, f"no {header} on {response.request['PATH_INFO']}"
    directives = (part.split() for part in response[header].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def assert_strict_basics(directives):
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["img-src"][:3] == ["'self'", "data:", "blob:"]
    for directive in ("script-src", "default-src", "connect-src"):
        assert "'unsafe-eval'" not in directives[directive]
    assert "'unsafe-inline'" not in directives["script-src"]


def test_the_reader_shell_is_strict(client):
    response = client.get("/reader/en/")
    assert response.status_code == 200
    directives = policy(response)
    assert_strict_basics(directives)
    assert directives["script-src"] == ["'self'"]  # no nonce, no inline script
    assert directives["style-src"] == ["'self'"]
    # The admin's preview panel frames it (X-Frame-Options: SAMEORIGIN).
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives["frame-ancestors"][0] == "'self'"
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "an inline script"
    assert " style=" not in html and "<style" not in html


def test_an_address_the_reader_does_not_know_has_the_same_policy(client):
    response = client.get("/reader/en/news/no-such-article/")
    assert response.status_code == 404
    assert policy(response)["script-src"] == ["'self'"]


def test_the_admin_sign_in_page_nonces_every_script(client):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    directives = policy(response)
    assert_strict_basics(directives)
    nonces = [source for source in directives["script-src"] if source.startswith("'nonce-")]
    assert len(nonces) == 1
    assert directives["script-src"] == ["'self'", nonces[0], "'strict-dynamic'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'none'"]  # X-Frame-Options: DENY
    assert response["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    tags = re.findall(r"<script\b[^>]*>", html)
    data = [tag for tag in tags if 'type="application/json"' in tag]  # never run
    scripts = [tag for tag in tags if tag not in data]
    assert scripts and all(f'nonce="{nonces[0][7:-1]}"' in tag for tag in scripts), scripts
    assert '<script id="wagtail-config" type="application/json">' in data
    assert int(response["Content-Length"]) == len(response.content)


def test_each_request_has_its_own_nonce(client):
    first, second = (policy(client.get(reverse("wagtailadmin_login"))) for _ in range(2))
    assert first["script-src"][1] != second["script-src"][1]


@pytest.mark.parametrize("method", ["get", "post"])
def test_graphql_answers_json_without_a_policy(client, method):
    query = "{ __typename }"
    if method == "get":
        response = client.get("/graphql/", {"query": query})
    else:
        response = client.post("/graphql/", {"query": query}, content_type="application/json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content) == {"data": {"__typename": "Query"}}
    assert "Content-Security-Policy" not in response
    assert "Content-Security-Policy-Report-Only" not in response


def test_report_only_sends_the_same_policy_to_report(client, settings):
    with override_settings(
        CONTENT_SECURITY_POLICY=None,
        CONTENT_SECURITY_POLICY_REPORT_ONLY=settings.CONTENT_SECURITY_POLICY,
    ):
        reader = client.get("/reader/en/")
        admin = client.get(reverse("wagtailadmin_login"))
    for response in (reader, admin):
        assert "Content-Security-Policy" not in response
    assert policy(reader, "Content-Security-Policy-Report-Only")["script-src"] == ["'self'"]
    admin_policy = policy(admin, "Content-Security-Policy-Report-Only")
    assert "'strict-dynamic'" in admin_policy["script-src"]
    assert admin_policy["frame-ancestors"] == ["'none'"]


def test_origins_of_absolute_urls_only():
    assert origins(
        "https://cdn.example.com/media/",
        "/media/",
        "",
        None,
        "http://127.0.0.1:8000",
        "https://cdn.example.com/other/",
    ) == ["https://cdn.example.com", "http://127.0.0.1:8000"]
