"""Wagtail's search backend, chosen by environment variables.

``SEARCH_BACKEND`` (default ``database``):

- ``database``: the tables of the default database. On PostgreSQL, full text
  with a text search configuration per language (``languages.search``;
  ``SEARCH_LANGUAGE_CONFIGS``, default ``kk:simple,ru:russian,en:english``); on
  SQLite, FTS5 (what ``make run`` uses).
- ``opensearch2``, ``opensearch3``, ``elasticsearch7``, ``elasticsearch8``,
  ``elasticsearch9``: Wagtail's own backend for that cluster, at ``SEARCH_URL``
  (comma-separated for several nodes), its indexes named with the prefix
  ``SEARCH_INDEX_PREFIX`` (default ``otandas_``). Needs the cluster's Python
  client (``opensearch-py`` or ``elasticsearch``; not in requirements.txt), then
  ``manage.py update_index``.
"""

from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_list, env_str

CLUSTER_BACKENDS = {
    name: f"wagtail.search.backends.{name}"
    for name in (
        "opensearch2",
        "opensearch3",
        "elasticsearch7",
        "elasticsearch8",
        "elasticsearch9",
    )
}
DEFAULT_LANGUAGE_CONFIGS = "kk:simple,ru:russian,en:english"


def language_configs(value):
    """ "kk:simple,ru:russian" -> {"kk": "simple", "ru": "russian"}."""
    pairs = (item.split(":", 1) for item in value.split(",") if ":" in item)
    return {code.strip(): config.strip() for code, config in pairs}


def search_backends():
    """The ``WAGTAILSEARCH_BACKENDS`` setting."""
    name = env_str("SEARCH_BACKEND", "database").strip().lower() or "database"
    if name == "database":
        configs = env_str("SEARCH_LANGUAGE_CONFIGS", DEFAULT_LANGUAGE_CONFIGS)
        return {
            "default": {
                "BACKEND": "languages.search",
                # Objects without a language, and queries that name none, are not stemmed.
                "SEARCH_CONFIG": "simple",
                "SEARCH_CONFIGS": language_configs(configs),
            }
        }
    if name not in CLUSTER_BACKENDS:
        choices = ", ".join(["database", *CLUSTER_BACKENDS])
        raise ImproperlyConfigured(f"SEARCH_BACKEND={name!r}: use one of {choices}.")
    urls = env_list("SEARCH_URL")
    if not urls:
        raise ImproperlyConfigured(f"SEARCH_BACKEND={name} needs SEARCH_URL.")
    return {
        "default": {
            "BACKEND": CLUSTER_BACKENDS[name],
            "URLS": urls,
            "INDEX_PREFIX": env_str("SEARCH_INDEX_PREFIX", "otandas_"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
        }
    }
