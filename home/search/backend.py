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
"""

import functools
import logging

from django.db import connection, connections
from django.utils.translation import get_language_info

logger = logging.getLogger(__name__)

SIMPLE = "simple"


@functools.cache
def available_configs(alias):
    """The text search configurations the PostgreSQL database `alias` has (once per process)."""
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_catalog.pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


def config_for_language(code, configs, available):
    """The text search configuration for the language `code` ("fr", "pt-br"…): the one
    `configs` names for it (or for its base language), else the one named after the language
    in English, else "simple", and "simple" for any name not in `available`."""
    code = (code or "").lower()
    base = code.split("-")[0]
    name = configs.get(code) or configs.get(base)
    if name is None:
        try:
            name = get_language_info(base)["name"].split()[0].lower()
        except KeyError:
            name = SIMPLE
    if name not in available:
        if code in configs or base in configs:
            logger.warning("No text search configuration %r in PostgreSQL; using simple", name)
        name = SIMPLE
    return name


def SearchBackend(params):
    """The database search backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from home.search.postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)

    from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

    return DatabaseSearchBackend(params)
