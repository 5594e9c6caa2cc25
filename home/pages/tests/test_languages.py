"""Languages as visitors meet them: prefixes, redirects, alternates, switcher, 404s, footer."""

import re

import pytest
from django.utils import translation

from conftest import LANGUAGES, tagged
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object
from home.search.views import server_error

pytestmark = pytest.mark.django_db


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html):
    return html.split('class="language-switcher"')[1].split("</nav>")[0]


@pytest.fixture
def about(homes, locales):
    """An English page translated into French (live) and Spanish (draft), not Hungarian."""
    page = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    translate_object(page, locales["fr"], tagged("fr"), strict=False)
    translate_object(page, locales["es"], tagged("es"), strict=False, publish=False)
    return page


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("hu", "/hu/"), ("fr-FR,fr;q=0.9", "/fr/"), ("de", "/en/"), ("", "/en/")],
)
def test_root_redirects_by_accept_language(client, homes, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_unprefixed_page_path_redirects_to_the_visitors_language(client, about):
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/about/"


def test_hreflang_and_canonical_are_absolute_and_list_live_translations_only(
    client, about, locales
):
    response = client.get("/en/about/")
    links = alternates(response.text)
    french = about.get_translation(locales["fr"])
    assert links == {
        "en": "http://testserver/en/about/",
        "fr": f"http://testserver{french.url}",
        "x-default": "http://testserver/en/about/",
    }
    assert '<link rel="canonical" href="http://testserver/en/about/">' in response.text


def test_translation_lists_the_same_alternates(client, about, locales):
    french = about.get_translation(locales["fr"])
    response = client.get(french.url)
    assert '<html lang="fr"' in response.text
    assert alternates(response.text)["en"] == "http://testserver/en/about/"
    assert f'<link rel="canonical" href="http://testserver{french.url}">' in response.text


def test_switcher_links_to_the_translation_or_to_the_home_with_a_note(client, about, locales):
    html = switcher(client.get("/en/about/").text)
    french = about.get_translation(locales["fr"])
    assert f'href="{french.url}" lang="fr"' in html  # relative: on the address the visitor used
    # Spanish is only a draft and Hungarian does not exist: both lead home, saying so.
    assert 'href="/es/" lang="es"' in html
    assert 'href="/hu/" lang="hu"' in html
    assert html.count("this page is not translated") == 2
    assert '<span aria-current="true" lang="en">English</span>' in html


def test_draft_translation_is_not_served(client, about, locales):
    spanish = about.get_translation(locales["es"])
    assert not spanish.live
    assert client.get(f"/es/{spanish.slug}/").status_code == 404


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/en/no-such-page/", "en", "Page not found"),
        ("/fr/pas-de-page/", "fr", "Page introuvable"),
        ("/es/no-existe/", "es", "Página no encontrada"),
        ("/hu/nincs-ilyen/", "hu", "Az oldal nem található"),
    ],
)
def test_unknown_paths_get_the_translated_404(client, homes, path, lang, text):
    response = client.get(path)
    assert response.status_code == 404
    assert f'<html lang="{lang}"' in response.text
    assert text in response.text


def test_unknown_language_prefix_is_a_404_not_a_500(client, homes):
    response = client.get("/xx/", follow=True)
    assert response.status_code == 404
    assert response.redirect_chain[0][0] == "/en/xx/"


def test_footer_shows_the_funding_statement_in_the_page_language(client, homes, funding):
    english = client.get("/en/").text
    french = client.get("/fr/").text
    assert "has received funding from the European Union" in english
    assert "a reçu un financement" in french
    assert 'src="/static/img/eu-emblem.svg"' in french
    # Not translated into Hungarian: the source statement is shown rather than nothing.
    assert "has received funding" in client.get("/hu/").text


def test_pages_load_nothing_from_other_hosts(client, homes, funding):
    html = client.get("/en/").text
    sources = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert all(url.startswith("http://testserver/") for url in sources), sources


@pytest.mark.parametrize("code", LANGUAGES)
def test_search_page_is_in_every_language(client, homes, code):
    response = client.get(f"/{code}/search/?q=home")
    assert response.status_code == 200
    assert f'<html lang="{code}"' in response.text
    assert set(alternates(response.text)) == {*LANGUAGES, "x-default"}


@pytest.mark.parametrize("path", ["/admin/no-such-view/", "/documents/999/missing.pdf"])
def test_unprefixed_404s_are_not_redirected_into_a_language(admin_client, homes, path):
    response = admin_client.get(path)
    assert response.status_code == 404


def test_server_error_page_is_translated_and_needs_no_database(rf, django_assert_num_queries):
    with translation.override("fr"), django_assert_num_queries(0):
        response = server_error(rf.get("/fr/"))
    assert response.status_code == 500
    assert '<html lang="fr">' in response.content.decode()
    assert "<h1>Une erreur s’est produite</h1>" in response.content.decode()
