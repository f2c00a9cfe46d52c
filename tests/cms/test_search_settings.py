"""The search backend follows the environment (no cluster needed to check the switch)."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cms.settings.search import search_backends


def test_the_default_is_the_database_with_a_configuration_per_language(monkeypatch):
    for name in ("SEARCH_BACKEND", "SEARCH_LANGUAGE_CONFIGS", "SEARCH_URL"):
        monkeypatch.delenv(name, raising=False)
    assert search_backends() == {
        "default": {
            "BACKEND": "languages.search",
            "SEARCH_CONFIG": "simple",
            "SEARCH_CONFIGS": {"kk": "simple", "ru": "russian", "en": "english"},
        }
    }
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "languages.search"


def test_opensearch_is_wagtails_own_backend_at_the_url(monkeypatch):
    monkeypatch.setenv("SEARCH_BACKEND", "OpenSearch3")
    monkeypatch.setenv("SEARCH_URL", "https://search-1:9200, https://search-2:9200")
    monkeypatch.setenv("SEARCH_INDEX_PREFIX", "agency_")
    assert search_backends() == {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": ["https://search-1:9200", "https://search-2:9200"],
            "INDEX_PREFIX": "agency_",
            "TIMEOUT": 5,
        }
    }


def test_elasticsearch_needs_a_url_and_a_known_name(monkeypatch):
    monkeypatch.delenv("SEARCH_URL", raising=False)
    monkeypatch.setenv("SEARCH_BACKEND", "elasticsearch8")
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL"):
        search_backends()
    monkeypatch.setenv("SEARCH_BACKEND", "solr")
    with pytest.raises(ImproperlyConfigured, match="opensearch3"):
        search_backends()


def test_languages_configured_by_the_environment(monkeypatch):
    monkeypatch.delenv("SEARCH_BACKEND", raising=False)
    monkeypatch.setenv("SEARCH_LANGUAGE_CONFIGS", "kk:simple, ru:russian")
    assert search_backends()["default"]["SEARCH_CONFIGS"] == {"kk": "simple", "ru": "russian"}
