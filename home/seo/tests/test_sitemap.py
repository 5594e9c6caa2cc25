"""/sitemap.xml (an index of one paginated sitemap per language), the language sitemaps (every
locale, hreflang alternates, no alias or draft, bad ?p= a 404) and /robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from conftest import LANGUAGES, tagged
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def xml(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def index(client):
    """[(loc, lastmod)] of the sitemap index."""
    root = xml(client.get("/sitemap.xml"))
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [
        (s.find("s:loc", NS).text, getattr(s.find("s:lastmod", NS), "text", None))
        for s in root.findall("s:sitemap", NS)
    ]


def parse(client, url):
    """{loc: {hreflang: href}} of one sitemap."""
    root = xml(client.get(url))
    assert root.tag == f"{{{NS['s']}}}urlset"
    entries = {}
    for node in root.findall("s:url", NS):
        loc = node.find("s:loc", NS).text
        assert loc not in entries
        entries[loc] = {
            link.get("hreflang"): link.get("href") for link in node.findall("x:link", NS)
        }
    return entries


def parse_all(client):
    """Every sitemap the index names, merged (each URL once)."""
    entries = {}
    for loc, _lastmod in index(client):
        assert loc.startswith("http://testserver/sitemap-")
        part = parse(client, loc.removeprefix("http://testserver"))
        assert not set(part) & set(entries)
        entries.update(part)
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
    entries = parse_all(client)
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

    entries = parse_all(client)
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
    assert client.get("/sitemap-fr.xml").status_code == 200
    assert client.get("/fr/sitemap.xml").status_code == 404


def test_sitemap_is_an_index_of_one_sitemap_per_language_with_lastmod(client, homes, locales):
    build(homes, locales, 1)
    listed = index(client)
    # The default language first, then the others; every one with its latest change.
    assert [loc for loc, _ in listed] == [
        "http://testserver/sitemap-en.xml",
        "http://testserver/sitemap-es.xml",
        "http://testserver/sitemap-fr.xml",
        "http://testserver/sitemap-hu.xml",
    ]
    assert all(lastmod for _, lastmod in listed)
    english = parse(client, "/sitemap-en.xml")
    assert set(english) == {"http://testserver/en/", "http://testserver/en/page-0/"}
    assert all(url.startswith("http://testserver/fr/") for url in parse(client, "/sitemap-fr.xml"))
    assert "<lastmod>" in client.get("/sitemap-en.xml").text


def test_sitemap_urls_are_the_ones_wagtail_gives(client, homes, locales):
    """URLs are built from rows, not from Page.get_full_url(): the same, accents included."""
    from wagtail.models import Page

    french = StandardPageFactory(parent=homes["fr"], title="Été", slug="été-à-lyon")
    StandardPageFactory(parent=french, title="Plus", slug="ça_là")
    StandardPageFactory(parent=homes["hu"], title="Ősz", slug="őszi-találkozó")
    (english,) = build(homes, locales, 1)
    entries = parse_all(client)
    expected = {p.get_full_url() for p in Page.objects.live().filter(depth__gt=1)}
    assert set(entries) == expected
    assert "http://testserver/fr/%C3%A9t%C3%A9-%C3%A0-lyon/" in entries
    alternates = entries[english.get_full_url()]
    assert set(alternates.values()) == {
        p.get_full_url() for p in english.get_translations(inclusive=True)
    }


def test_sitemaps_are_paginated_by_the_page_size_setting(client, homes, locales, settings):
    settings.PORTAL_SITEMAP_PAGE_SIZE = 2
    pages = build(homes, locales, 4)  # en: home + 4 pages = 5 URLs, 3 sitemap pages of 2
    listed = [loc for loc, _ in index(client)]
    english = [loc for loc in listed if "sitemap-en" in loc]
    assert english == [
        "http://testserver/sitemap-en.xml",
        "http://testserver/sitemap-en.xml?p=2",
        "http://testserver/sitemap-en.xml?p=3",
    ]
    sizes = [len(parse(client, loc.removeprefix("http://testserver"))) for loc in english]
    assert sizes == [2, 2, 1]
    assert len(parse_all(client)) == 4 * 1 + 4 * 3  # homes, and every page in en, fr, es
    # Alternates point across pages: the French entry of a page names its English version.
    french = parse_all(client)[pages[3].get_translation(locales["fr"]).get_full_url()]
    assert french["en"] == french["x-default"] == "http://testserver/en/page-3/"


@pytest.mark.parametrize(
    "query", ["p=abc", "p=0", "p=-1", "p=3", "p=999999", "p=", "p=1.5", "p=" + "9" * 5000]
)
def test_bad_sitemap_page_numbers_are_404(client, homes, locales, settings, query):
    settings.PORTAL_SITEMAP_PAGE_SIZE = 2
    build(homes, locales, 1)  # en: 2 URLs, one page
    assert client.get("/sitemap-en.xml?p=1").status_code == 200
    assert client.get(f"/sitemap-en.xml?{query}").status_code == 404


def test_unknown_sitemap_sections_are_404(client, homes):
    for url in ["/sitemap-de.xml", "/sitemap-xx.xml", "/sitemap-.xml", "/fr/sitemap-fr.xml"]:
        assert client.get(url).status_code == 404, url
    assert client.post("/sitemap-en.xml").status_code == 405


def test_the_page_size_stays_within_the_protocol(settings):
    from home.seo.sitemaps import page_size

    settings.PORTAL_SITEMAP_PAGE_SIZE = 10**6
    assert page_size() == 50_000
    settings.PORTAL_SITEMAP_PAGE_SIZE = 0
    assert page_size() == 1


def test_sitemap_query_counts_do_not_grow(client, homes, locales, django_assert_max_num_queries):
    build(homes, locales, 3, prefix="small")
    with django_assert_max_num_queries(4) as small_index:
        assert len(index(client)) == 4
    with django_assert_max_num_queries(6) as small_section:
        assert len(parse(client, "/sitemap-fr.xml")) == 1 + 3
    build(homes, locales, 20, prefix="large")
    with django_assert_max_num_queries(len(small_index.captured_queries)):
        assert len(index(client)) == 4
    with django_assert_max_num_queries(len(small_section.captured_queries)):
        assert len(parse(client, "/sitemap-fr.xml")) == 1 + 23
    with django_assert_max_num_queries(len(small_section.captured_queries)):
        assert len(parse(client, "/sitemap-en.xml")) == 1 + 23


def test_sitemaps_are_cached_and_a_publish_shows_on_the_next_request(
    client, homes, locales, settings
):
    from django.core.cache import cache

    settings.PORTAL_PAGE_CACHE_ENABLED = True
    cache.clear()
    build(homes, locales, 1)
    for url in ["/sitemap.xml", "/sitemap-fr.xml"]:
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    page = StandardPageFactory(parent=homes["en"], title="New", slug="new")
    translate_object(page, locales["fr"], tagged("fr"), strict=False)
    french = parse(client, "/sitemap-fr.xml")
    assert page.get_translation(locales["fr"]).get_full_url() in french
    cache.clear()


def test_a_cdn_purge_names_every_sitemap(
    client, homes, locales, settings, django_capture_on_commit_callbacks
):
    from home.pagecache.cache import purge_frontend_cache
    from home.pagecache.tests.test_caching import RecordingBackend

    settings.PORTAL_SITEMAP_PAGE_SIZE = 2
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "home.pagecache.tests.test_caching.RecordingBackend"}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    (page,) = build(homes, locales, 1)
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):  # purged once committed
        purge_frontend_cache(page)
    listed = {loc for loc, _ in index(client)}
    assert "http://testserver/sitemap-en.xml" in listed
    assert set(RecordingBackend.purged) >= listed | {"http://testserver/sitemap.xml"}


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
