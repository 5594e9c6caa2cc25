"""Wagtail's database search backend, with PostgreSQL's text search configuration of each
language: every object is indexed with the configuration of its locale's language (French
pages with French stemming and stop words, Hungarian with Hungarian…) and a query uses the
configuration of the active language, the language of the pages it is searched among.

Set as `WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "home.search.backend"`. Like
`wagtail.search.backends.database`, this module picks the backend by database vendor: on
PostgreSQL the per-language backend below, on SQLite and anything else Wagtail's own database
backend, unchanged.

Parameters (besides Wagtail's own):

- `LANGUAGE_CONFIGS`: language code -> PostgreSQL text search configuration. A language not
  listed gets the configuration named after it in English (German -> "german") when PostgreSQL
  has one, otherwise "simple" (no stemming, no stop words), as does a listed configuration
  the database lacks.
- `SEARCH_CONFIG` (Wagtail's): the configuration for models that have no language (images,
  documents, users); by default that of `LANGUAGE_CODE`.

Changing the configurations needs `manage.py update_index` to re-index existing content.
How a language's configuration is chosen is in `home.search.languages`.
"""

from django.db import connection


def SearchBackend(params):
    """The database search backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        # Loaded only on PostgreSQL, as wagtail.search.backends.database does: the PostgreSQL
        # backend builds on django.contrib.postgres (an optional dependency, not a cycle).
        from home.search.postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)

    from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

    return DatabaseSearchBackend(params)
