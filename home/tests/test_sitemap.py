"""/sitemap.xml (every locale, hreflang alternates, no alias or draft) and /robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from conftest import LANGUAGES, tagged
from home.factories import StandardPageFactory
from home.localization import translate_object

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        entries[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
    return entries


def build(homes, locales, count, prefix="page"):
    """count English pages, each translated (live) into French and Spanish only."""
    pages = []
    for index in range(count):
        page = StandardPageFactory(
            parent=homes["en"], title=f"{prefix} {index}", slug=f"{prefix}-{index}"
        )
        for code in ("fr", "es"):
            translate_object(page, locales[code], tagged(code), strict=False)
        pages.append(page)
    return pages


def test_sitemap_lists_every_live_page_of_every_locale_with_alternates(client, homes, locales):
    (page,) = build(homes, locales, 1)
    entries = parse(client.get("/sitemap.xml"))
    for code in LANGUAGES:
        assert f"http://testserver/{code}/" in entries
        assert entries[f"http://testserver/{code}/"]["x-default"] == "http://testserver/en/"
    english = "http://testserver/en/page-0/"
    assert english in entries
    french = page.get_translation(locales["fr"]).get_full_url()
    spanish = page.get_translation(locales["es"]).get_full_url()
    assert french.startswith("http://testserver/fr/") and french in entries
    expected = {"en": english, "fr": french, "es": spanish, "x-default": english}
    assert entries[english] == expected
    assert entries[french] == expected
    # No Hungarian translation: no Hungarian alternate, no Hungarian URL for the page.
    assert not any(url.startswith("http://testserver/hu/page") for url in entries)
    assert len(entries) == 4 + 3


def test_sitemap_leaves_out_drafts_aliases_and_private_pages(client, homes, locales):
    draft = StandardPageFactory(parent=homes["en"], title="Draft", slug="draft", live=False)
    alias = StandardPageFactory(parent=homes["en"], title="Aliased", slug="aliased")
    alias.copy_for_translation(locales["fr"], copy_parents=False, alias=True)
    translated_draft = StandardPageFactory(parent=homes["en"], title="Half", slug="half")
    translate_object(translated_draft, locales["es"], tagged("es"), strict=False, publish=False)
    private = StandardPageFactory(parent=homes["en"], title="Private", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    entries = parse(client.get("/sitemap.xml"))
    assert "http://testserver/en/aliased/" in entries
    assert entries["http://testserver/en/aliased/"] == {}  # the French alias is no alternate
    assert not any("/fr/aliased" in url for url in entries)
    assert "http://testserver/en/half/" in entries
    assert not any(url.startswith("http://testserver/es/half") for url in entries)
    assert entries["http://testserver/en/half/"] == {}
    assert not any("draft" in url or "private" in url for url in entries)
    assert draft.live is False


def test_sitemap_is_outside_the_language_prefix(client, homes):
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/fr/sitemap.xml").status_code == 404


def test_sitemap_query_count_does_not_grow(client, homes, locales, django_assert_max_num_queries):
    build(homes, locales, 3, prefix="small")
    with django_assert_max_num_queries(8) as small:
        assert len(parse(client.get("/sitemap.xml"))) == 4 + 9
    build(homes, locales, 20, prefix="large")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(parse(client.get("/sitemap.xml"))) == 4 + 69


def test_robots_txt_allows_all_but_the_admin_and_names_the_sitemap(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /") and line != "Disallow: /admin/" for line in lines)
    assert client.post("/robots.txt").status_code == 405
