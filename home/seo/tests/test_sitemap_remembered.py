"""The sitemaps' counts and latest changes per language, which take a query over every page of
the site, are remembered until the content changes: the sitemap index and a language's sitemap
then cost the same on a site of 250 pages or 40,000, and a publish shows on the next request
(the page cache is off in these tests)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.pages.factories import StandardPageFactory
from home.seo.tests.test_sitemap import build, index, parse

pytestmark = pytest.mark.django_db

EN = "http://testserver/sitemap-en.xml"


def counting_queries(client, url, read):
    with CaptureQueriesContext(connection) as captured:
        result = read(client, url)
    return [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]], result


def test_the_sitemaps_count_the_pages_once_per_change(client, homes, locales, settings):
    settings.PORTAL_SITEMAP_PAGE_SIZE = 2
    build(homes, locales, 1)
    counted, listed = counting_queries(client, "/sitemap.xml", lambda c, u: index(c))
    assert len(counted) == 1
    assert counting_queries(client, "/sitemap.xml", lambda c, u: index(c)) == ([], listed)
    counted, _ = counting_queries(client, "/sitemap-en.xml", parse)
    assert counted == []

    # English: the home page and one page, one sitemap page; a third page makes a second.
    assert [loc for loc, _lastmod in listed if "sitemap-en" in loc] == [EN]
    page = StandardPageFactory(parent=homes["en"], title="New", slug="new")
    page.save_revision().publish()
    page.refresh_from_db()
    listed = index(client)
    assert [loc for loc, _lastmod in listed if "sitemap-en" in loc] == [EN, f"{EN}?p=2"]
    assert dict(listed)[EN].startswith(page.last_published_at.date().isoformat())
    assert page.get_full_url() in parse(client, "/sitemap-en.xml?p=2")
