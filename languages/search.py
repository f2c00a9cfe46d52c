"""Wagtail's database search backend, with PostgreSQL's text search configuration per language.

Wagtail's PostgreSQL backend stems every document and every query with one
configuration (`SEARCH_CONFIG`). Here each object is indexed with its own
locale's configuration (`SEARCH_CONFIGS`, e.g. `{"ru": "russian", "en":
"english", "kk": "simple"}`: PostgreSQL has no Kazakh stemmer), and
`for_language(code)` gives the backend that queries with that language's, so
"новости" finds "новостей" in Russian and "stories" finds "story" in English.
An object without a locale, or a language not listed, uses `SEARCH_CONFIG`.

On SQLite (and MySQL) this is Wagtail's own database backend, unchanged: FTS5
does not stem, so `for_language` returns the backend itself.

`BACKEND: "languages.search"` in `WAGTAILSEARCH_BACKENDS` (see
`cms.settings.search`). Changing a configuration needs `manage.py update_index`.
"""

import copy
from collections import defaultdict

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from wagtail.models import Locale


class LanguageIndex(PostgresIndex):
    """Writes each object's entry with its language's configuration."""

    def add_items(self, model, objs):
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            code = codes.get(getattr(obj, "locale_id", None))
            by_config[self.backend.config_for(code)].append(obj)
        for config, group in by_config.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = dict(params.get("SEARCH_CONFIGS", {}))

    def config_for(self, language_code):
        return self.configs.get(language_code, self.config)

    def with_config(self, config):
        backend = copy.copy(self)
        backend.config = config
        return backend

    def for_language(self, language_code):
        """This backend, querying with the language's configuration."""
        return self.with_config(self.config_for(language_code))


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    params = {key: value for key, value in params.items() if key != "SEARCH_CONFIGS"}
    return database_backend(params)
