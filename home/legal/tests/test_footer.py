"""Every page's footer links to the legal pages chosen in the site's settings, in the
visitor's language (or as chosen, marked with its language, when not translated), at no query
of their own; the project page's funding statement and the site's are distinct landmarks."""

import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import tagged
from home.legal.factories import make_legal_pages
from home.models import LegalPages
from home.pagecache.cache import bump_generation
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object
from home.projects.factories import ProjectIndexPageFactory, ProjectPageFactory


@pytest.fixture
def about(homes, locales):
    page = StandardPageFactory(parent=homes["en"], slug="about", title="About")
    page.save_revision().publish()
    for code in ("fr", "es", "hu"):
        translate_object(page, locales[code], tagged(code), strict=False)
    return page


def footer(html):
    return html.split('<footer class="site-footer">', 1)[1]


@pytest.mark.django_db
def test_every_footer_links_to_the_legal_pages_in_the_visitors_language(
    client, site, homes, locales, about
):
    legal = make_legal_pages(site, homes, locales, languages=("fr", "es"))
    for code in ("en", "fr", "es"):
        html = footer(client.get(f"/{code}/").text)
        for field in ("privacy_notice", "legal_notice", "accessibility_statement"):
            page = legal[field][code]
            assert f'<a href="{page.url}">{page.title}</a>' in html, (code, field)
    # No Hungarian translation: the English page, said to be in English.
    html = footer(client.get("/hu/").text)
    privacy = legal["privacy_notice"]["en"]
    assert f'<a href="{privacy.url}" hreflang="en" lang="en">Privacy notice</a>' in html
    # On every page, not only the home page.
    french_about = about.get_translation(locales["fr"])
    assert legal["legal_notice"]["fr"].url in footer(client.get(french_about.url).text)


@pytest.mark.django_db
def test_a_legal_page_unpublished_or_unchosen_leaves_the_footer(client, site, homes, locales):
    legal = make_legal_pages(site, homes, locales)
    legal["legal_notice"]["fr"].unpublish()
    html = footer(client.get("/fr/").text)
    assert legal["legal_notice"]["fr"].url not in html
    assert legal["legal_notice"]["en"].url in html  # the page as chosen instead
    settings = LegalPages.for_site(site)
    settings.accessibility_statement = None
    settings.save()
    html = footer(client.get("/fr/").text)
    assert legal["accessibility_statement"]["fr"].url not in html
    assert legal["privacy_notice"]["fr"].url in html


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_footers_legal_links_cost_no_query_of_their_own(client, site, homes, locales, about):
    url = about.url
    client.get(url)
    bump_generation()
    without = (count(client, url), count(client, url))
    make_legal_pages(site, homes, locales)
    client.get(url)
    bump_generation()
    first, then = count(client, url), count(client, url)
    assert (first, then) == without
    assert "Privacy notice" in footer(client.get(url).text)


@pytest.mark.django_db
def test_the_project_pages_funding_statement_is_a_landmark_of_its_own_name(
    client, homes, locales, funding
):
    index = ProjectIndexPageFactory(parent=homes["en"])
    project = ProjectPageFactory(parent=index, title="Cluster4Smart", slug="cluster4smart")
    project.save_revision().publish()
    translate_object(index, locales["fr"], tagged("fr"), strict=False)
    french = translate_object(project, locales["fr"], tagged("fr"), strict=False)
    for page in (project, french):
        html = client.get(page.url).text
        names = re.findall(r'<(?:section|nav|aside|form)\b[^>]*aria-label="([^"]+)"', html)
        assert len(names) >= 2
        assert not [name for name, n in Counter(names).items() if n > 1], names
