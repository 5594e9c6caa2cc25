"""The PostgreSQL text search configuration of each language (see home.search.backend for
the LANGUAGE_CONFIGS parameter)."""

import functools
import logging

from django.db import connections
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
