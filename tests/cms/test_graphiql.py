"""GraphiQL (/graphiql/, development only) loads everything from this server, nothing from a
CDN: it works offline and tells no third party of a visit."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

VENDORED = Path(settings.BASE_DIR) / "cms" / "static" / "graphiql"


def asset_urls(html):
    return re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"', html)


def test_the_page_loads_only_local_static_files(client):
    response = client.get("/graphiql/")
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", html), "a URL on another host"
    urls = [url for url in asset_urls(html) if not url.startswith("data:")]
    assert len(urls) == 4  # GraphiQL's CSS and script, React, ReactDOM
    for url in urls:
        assert url.startswith(settings.STATIC_URL), url
        assert finders.find(url.removeprefix(settings.STATIC_URL)), f"{url} is not a static file"
    assert 'data-endpoint="/graphql/"' in html


def test_the_vendored_files_are_complete_and_self_contained(client):
    for name in ("graphiql", "react", "react-dom"):
        assert (VENDORED / f"LICENSE.{name}.txt").read_text().startswith("MIT License")
    css = (VENDORED / "graphiql.min.css").read_text()
    assert set(re.findall(r"url\((\w+):", css)) <= {"data"}  # fonts and icons are inlined
    # Production's manifest storage refuses to collect a file whose source map is missing.
    for path in VENDORED.glob("*.min.*"):
        assert "sourceMappingURL" not in path.read_text(), path.name


def test_the_vendored_graphiql_is_the_version_grapple_expects(client):
    """grapple's view names the GraphiQL it was written for: after upgrading grapple,
    `make vendor-graphiql` with its version."""
    wanted = client.get("/graphiql/").context["GRAPHIQL_VERSION"]
    assert f"graphiql {wanted} " in (VENDORED / "README.md").read_text()
