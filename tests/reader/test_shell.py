"""The reader's Django side: one HTML shell for every path under /reader/."""

import pytest

# Paths that need no database; article paths are checked (tests/reader/test_status.py).
PATHS = [
    "/reader/",
    "/reader/kk/",
    "/reader/kk-latn/",
    "/reader/ru/",
    "/reader/en/programmes/x/",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_path_gets_the_shell(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-graphql-url="/graphql/"' in html
    assert 'data-reader-base="/reader/"' in html
    # Kazakh in Latin script after Kazakh, as the language switcher lists them.
    assert 'data-locales="kk,kk-latn,ru,en"' in html
    assert 'data-script-variants="kk-latn:kk"' in html
    assert "/static/reader/app.js" in html
    assert "/static/reader/reader.css" in html


def test_the_admin_preview_may_frame_it(client):
    response = client.get("/reader/?content_type=news.newsarticlepage&token=abc")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_unknown_locale_is_not_found(client):
    assert client.get("/reader/xx/").status_code == 404


def test_only_reads(client):
    assert client.post("/reader/kk/").status_code == 405


def test_the_static_files_are_found():
    from django.contrib.staticfiles import finders

    assert finders.find("reader/app.js")
    assert finders.find("reader/reader.css")


def test_the_persisted_query_manifest_is_what_app_js_sends():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "scripts/reader_manifest.py", "check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
