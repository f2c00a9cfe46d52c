"""Tests of what stands in front of the CMS (Varnish), against the live server."""

from tests.browser.conftest import _restore_migrated_data, live_server  # noqa: F401
