"""A path without a language prefix that nothing serves is redirected to the default
language's; a 404 a view answered itself stays a 404 (cms/middleware.py)."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_path_nothing_serves_gets_the_language_prefix(client, trees):
    response = client.get("/about-us/")
    assert response.status_code == 302 and response["Location"] == "/kk/about-us/"
    assert "Accept-Language" in response["Vary"]


def test_a_views_own_404_is_not_redirected(client, admin_client, trees):
    response = client.get("/reader/en/news/no-such-article/")
    assert response.status_code == 404 and "Accept-Language" in response["Vary"]
    assert response["Content-Language"]
    assert admin_client.get("/admin/no-such-view/").status_code == 404
