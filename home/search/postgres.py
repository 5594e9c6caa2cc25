"""The PostgreSQL side of `home.search.backend`: Wagtail's PostgreSQL search backend (from
`modelsearch`) indexing each object with its language's text search configuration and
querying with the active language's. Imported only when the database is PostgreSQL."""

import copy
from collections import defaultdict

from django.conf import settings
from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale, TranslatableMixin

from home.search.languages import available_configs, config_for_language


class _ConfigView:
    """The backend as seen by one configuration: its attributes, with `config` replaced. The
    indexer reads `backend.config`; giving it this view, rather than setting the attribute,
    leaves the backend (which other threads may use) untouched."""

    def __init__(self, backend, config):
        self._backend = backend
        self.config = config

    def __getattr__(self, name):
        return getattr(self._backend, name)


class LanguagePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index the objects in groups, one per text search configuration (the language of
        each object's locale; the configuration for content without a language otherwise)."""
        alias = self.write_connection.alias
        groups = defaultdict(list)
        if issubclass(model, TranslatableMixin):
            languages = dict(Locale.objects.using(alias).values_list("pk", "language_code"))
            for obj in objs:
                config = self.backend.config_for_language(languages.get(obj.locale_id), alias)
                groups[config].append(obj)
        else:
            groups[self.backend.unlanguaged_config(alias)] = list(objs)
        for config, group in groups.items():
            index = copy.copy(self)  # this call's own index, seeing the backend with `config`
            index.backend = _ConfigView(self.backend, config)
            PostgresIndex.add_items(index, model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        """The active language's configuration for content with a language (pages,
        translatable snippets): the site search keeps to the active language's pages. For
        content without a language, the configuration it was indexed with."""
        alias = self.queryset.db
        if issubclass(self.queryset.model, TranslatableMixin):
            return backend.config_for_language(get_language() or settings.LANGUAGE_CODE, alias)
        return backend.unlanguaged_config(alias)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    """PostgreSQL full text search with a text search configuration per language.
    Autocomplete keeps Wagtail's "simple" configuration (no stemming: prefixes match as typed)."""

    index_class = LanguagePostgresIndex
    query_compiler_class = LanguageQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        configs = params.get("LANGUAGE_CONFIGS") or {}
        self.language_configs = {code.lower(): name for code, name in configs.items()}

    def config_for_language(self, code, alias):
        return config_for_language(code, self.language_configs, available_configs(alias))

    def unlanguaged_config(self, alias):
        """SEARCH_CONFIG if set (as with Wagtail's backend), else the default language's."""
        return self.config or self.config_for_language(settings.LANGUAGE_CODE, alias)
