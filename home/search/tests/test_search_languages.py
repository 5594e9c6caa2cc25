"""Search with each language's PostgreSQL text search configuration: pages are indexed with
their own language's stemming and queried with the active language's (`home.search.backend`).
The behaviour tests need PostgreSQL; the choice of configuration and backend runs anywhere."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.pages.factories import StandardPageFactory
from home.search.backend import SearchBackend
from home.search.languages import config_for_language

POSTGRES_ONLY = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="text search configurations are PostgreSQL's (set DATABASE_URL to a PostgreSQL "
    "database to run these)",
)

AVAILABLE = frozenset({"simple", "english", "french", "spanish", "hungarian", "german"})
CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "hu": "hungarian"}


@pytest.mark.parametrize(
    "code, expected",
    [
        ("en", "english"),
        ("fr", "french"),
        ("FR", "french"),
        ("es", "spanish"),
        ("hu", "hungarian"),
        ("fr-ca", "french"),  # the base language's configuration
        ("de", "german"),  # not listed: named after the language in English
        ("pl", "simple"),  # PostgreSQL has no Polish configuration
        ("xx", "simple"),  # not a language Django knows
        ("", "simple"),
        (None, "simple"),
    ],
)
def test_configuration_of_each_language(code, expected):
    assert config_for_language(code, CONFIGS, AVAILABLE) == expected


def test_a_listed_configuration_the_database_lacks_is_simple():
    assert config_for_language("hu", CONFIGS, AVAILABLE - {"hungarian"}) == "simple"


@pytest.mark.skipif(connection.vendor == "postgresql", reason="checks the non-PostgreSQL side")
@pytest.mark.django_db
def test_other_databases_keep_wagtails_database_backend():
    from wagtail.search.backends.database import SearchBackend as WagtailDatabaseBackend

    backend = SearchBackend({})
    assert type(backend) is type(WagtailDatabaseBackend({}))
    assert type(get_search_backend()) is type(backend)


# PostgreSQL ---------------------------------------------------------------------------------


def page_in(homes, code, slug, text):
    return StandardPageFactory(
        parent=homes[code],
        title=f"Page {slug}",
        slug=slug,
        intro="",
        body=[("paragraph", RichText(f"<p>{text}</p>"))],
    )


def found(client, code, query):
    response = client.get(f"/{code}/search/", {"q": query})
    assert response.status_code == 200
    return response.text.split("<main")[1]


@pytest.fixture
def pages(homes):
    return {
        "fr": page_in(homes, "fr", "projets", "Les développements du projet : des chevaux."),
        "es": page_in(homes, "es", "proyectos", "Los desarrollos del proyecto."),
        "hu": page_in(homes, "hu", "projektek", "A projekt fejlesztéseket hozott."),
        "en": page_in(homes, "en", "marketing", "Marketing for cluster managers."),
        "fr2": page_in(homes, "fr", "marketing", "Le marketing des clusters."),
    }


@POSTGRES_ONLY
@pytest.mark.django_db
class TestPostgres:
    def test_the_backend_is_the_per_language_one(self):
        from home.search.postgres import LanguagePostgresSearchBackend

        assert isinstance(get_search_backend(), LanguagePostgresSearchBackend)

    def test_french_words_are_found_by_their_french_stem(self, client, pages):
        assert "/fr/projets/" in found(client, "fr", "développement")
        # French stemming, which English lacks (chevaux -> cheval).
        assert "/fr/projets/" in found(client, "fr", "cheval")

    def test_spanish_and_hungarian_words_are_found_by_their_stem(self, client, pages):
        assert "/es/proyectos/" in found(client, "es", "desarrollo")
        assert "/hu/projektek/" in found(client, "hu", "fejlesztések")
        assert "/hu/projektek/" in found(client, "hu", "fejlesztés")

    def test_english_stemming_is_not_applied_to_french(self, client, pages):
        # English reduces "marketing" to "market"; French does not.
        assert "/en/marketing/" in found(client, "en", "market")
        assert "/fr/marketing/" not in found(client, "fr", "market")
        assert "/fr/marketing/" in found(client, "fr", "marketing")

    def test_each_page_is_indexed_with_its_languages_configuration(self, pages):
        def body(page):
            entry = IndexEntry.objects.get(object_id=str(page.pk))
            return str(entry.body)

        assert "'cheval'" in body(pages["fr"])  # French: chevaux -> cheval
        assert "'market'" in body(pages["en"])  # English: marketing -> market
        assert "'marketing'" in body(pages["fr2"])
        assert "'fejlesztés'" in body(pages["hu"])

    def test_search_returns_only_the_current_languages_pages(self, client, pages):
        english, french = found(client, "en", "marketing"), found(client, "fr", "marketing")
        assert "/en/marketing/" in english and "/fr/marketing/" not in english
        assert "/fr/marketing/" in french and "/en/marketing/" not in french

    def test_the_admin_page_search_still_finds_every_language(self, admin_client, pages):
        # The admin's page search is Wagtail's autocomplete: the "simple" configuration,
        # prefixes of titles in any language.
        response = admin_client.get("/admin/pages/search/", {"q": "Page pro"})
        assert response.status_code == 200
        for slug in ["projets", "proyectos", "projektek"]:
            assert f"Page {slug}" in response.text

    def test_content_without_a_language_is_searchable(self, admin_client, pages):
        from home.pages.factories import PortalImageFactory

        PortalImageFactory(title="Workshops in Budapest")
        response = admin_client.get("/admin/images/", {"q": "workshop"})
        assert response.status_code == 200
        assert "Workshops in Budapest" in response.text

    @pytest.mark.parametrize("code", ["fr", "hu", "es"])
    @pytest.mark.parametrize(
        "query",
        [
            '"développement',
            '"phrase entière"',
            "a & b | !c",
            "développement AND OR NOT",
            "fejlesztés:* <-> (x",
            "'; DROP TABLE wagtailcore_page; --",
            "\\",
            "\x00\x07\x1f",
            "les des le la",  # only stop words
            "é" * 5000,
        ],
    )
    def test_odd_queries_never_fail(self, client, pages, code, query):
        response = client.get(f"/{code}/search/", {"q": query})
        assert response.status_code == 200

    def test_update_index_rebuilds_with_each_languages_configuration(self, client, pages):
        IndexEntry.objects.all().delete()
        assert "/fr/projets/" not in found(client, "fr", "cheval")
        call_command("update_index", verbosity=0)
        assert "/fr/projets/" in found(client, "fr", "cheval")
        assert "/hu/projektek/" in found(client, "hu", "fejlesztés")
        assert "'cheval'" in str(IndexEntry.objects.get(object_id=str(pages["fr"].pk)).body)

    @override_settings(
        WAGTAILSEARCH_BACKENDS={
            "default": {"BACKEND": "home.search.backend", "LANGUAGE_CONFIGS": {}}
        }
    )
    def test_languages_not_listed_get_the_configuration_named_after_them(self, client, homes):
        page = page_in(homes, "fr", "derive", "Des chevaux.")
        assert "'cheval'" in str(IndexEntry.objects.get(object_id=str(page.pk)).body)
