"""Adding a language is a settings change: a fifth locale (German) gets its Locale, can be
translated into and is served under /de/. And visitors are led to their language: rich-text
links resolve to the translation in the page's language, and the switcher says when a page
has no translation."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from conftest import LANGUAGES, tagged
from home.apps import ensure_locales
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object

from .translation_helpers import make_about, make_admin

pytestmark = pytest.mark.django_db

WITH_GERMAN = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("hu", "Magyar"),
    ("de", "Deutsch"),
]


@pytest.fixture
def german(settings, homes):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = WITH_GERMAN
    assert not Locale.objects.filter(language_code="de").exists()
    ensure_locales(sender=None)  # what every `migrate` does
    return Locale.objects.get(language_code="de")


def test_a_fifth_language_is_added_by_settings(client, homes, german):
    german_home = translate_object(
        homes["en"],
        german,
        {
            "Cluster4Smart": "Cluster4Smart",
            "Cluster managers for Industry 4.0": "Clustermanager für Industrie 4.0",
        },
        strict=False,
    )
    about = make_about(homes["en"])
    german_about = translate_object(
        about,
        german,
        {
            "About the project": "Über das Projekt",
            "about": "ueber-uns",
            "The project has received funding from the European Union.": (
                "Das Projekt wurde von der Europäischen Union gefördert."
            ),
        },
        strict=False,
    )
    assert german_home.live and german_about.live
    response = client.get("/de/")
    assert response.status_code == 200
    assert '<html lang="de"' in response.text
    assert "Clustermanager für Industrie 4.0" in response.text
    response = client.get("/de/ueber-uns/")
    assert response.status_code == 200
    assert "Das Projekt wurde von der Europäischen Union gefördert." in response.text
    # Every other language links to the German version, and the sitemap lists it.
    english = client.get("/en/about/")
    assert 'hreflang="de" href="http://testserver/de/ueber-uns/"' in english.text
    assert "http://testserver/sitemap-de.xml" in client.get("/sitemap.xml").text
    assert "http://testserver/de/ueber-uns/" in client.get("/sitemap-de.xml").text


def test_a_fifth_language_appears_in_the_editors_tools(client, homes, german):
    about = make_about(homes["en"])
    client.force_login(make_admin())
    form = client.get(reverse("wagtail_localize:submit_page_translation", args=[about.id]))
    assert form.status_code == 200
    assert f'value="{german.id}"' in form.text
    report = client.get("/admin/reports/translation-status/?locale=de")
    assert 'data-locale="de"' in report.text


def test_rich_text_links_lead_to_the_page_in_the_readers_language(client, homes, locales):
    target = StandardPageFactory(parent=homes["en"], title="Training", slug="training")
    french_target = translate_object(
        target, locales["fr"], {"Training": "Formation", "training": "formation"}, strict=False
    )
    untranslated = StandardPageFactory(parent=homes["en"], title="Partners", slug="partners")
    article = StandardPageFactory(parent=homes["en"], title="News", slug="news")
    article.body = [
        (
            "paragraph",
            f'<p>See <a linktype="page" id="{target.id}">the training</a> and '
            f'<a linktype="page" id="{untranslated.id}">our partners</a>.</p>',
        )
    ]
    article.save_revision().publish()
    french_article = translate_object(article, locales["fr"], tagged("fr"), strict=False)

    english = BeautifulSoup(client.get("/en/news/").content, "html.parser")
    french = BeautifulSoup(client.get(french_article.url).content, "html.parser")
    english_links = {a.get_text(): a["href"] for a in english.select("main a")}
    french_links = {a.get_text(): a["href"] for a in french.select("main a")}
    assert english_links["the training"] == "/en/training/"
    # The French page links to the French translation of the English page it names...
    assert french_links["the training"] == french_target.url == "/fr/formation/"
    # ...and to the English page where there is no French one.
    assert french_links["our partners"] == "/en/partners/"


def test_draft_translation_is_not_linked(client, homes, locales):
    target = StandardPageFactory(parent=homes["en"], title="Training", slug="training")
    translate_object(target, locales["fr"], tagged("fr"), strict=False, publish=False)
    article = StandardPageFactory(parent=homes["en"], title="News", slug="news")
    article.body = [("paragraph", f'<p><a linktype="page" id="{target.id}">training</a></p>')]
    article.save_revision().publish()
    french_article = translate_object(article, locales["fr"], tagged("fr"), strict=False)
    french = BeautifulSoup(client.get(french_article.url).content, "html.parser")
    assert {a.get_text(): a["href"] for a in french.select("main a")}["training"] == (
        "/en/training/"
    )


@pytest.mark.parametrize("code", LANGUAGES[1:])
def test_switcher_says_when_a_page_is_not_translated(client, homes, code):
    make_about(homes["en"])
    response = client.get("/en/about/")
    soup = BeautifulSoup(response.content, "html.parser")
    # No alternate for a language the page is not in...
    assert f'hreflang="{code}"' not in str(soup.head)
    # ...and the switcher leads to that language's home, saying so.
    link = soup.find("a", attrs={"hreflang": code})
    assert link is not None
    assert link["href"] == f"/{code}/"  # relative: on the address the visitor used
    assert "this page is not translated" in link.parent.get_text()
