"""What every page's layout shows and only content changes (the menu, the site root's
translations, the funding statement) is kept in each process until the
content generation moves (home.pagecache.cache.remember_in_process): a request then costs fewer
queries, and any change is on the next request. The page cache is off in these tests."""

import re
import time

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from conftest import tagged
from home.pagecache.cache import bump_generation
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object
from home.pages.models import FundingStatement

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.text, len(queries)


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def about(home, funding):
    return publish(
        StandardPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
    )


def test_the_next_request_reads_neither_menu_nor_funding_statement(client, about):
    get(client, "/en/about/")  # what is read once per process (content types, settings row)
    bump_generation()  # as any change to the content does
    _, first = get(client, "/en/about/")
    html, then = get(client, "/en/about/")
    # The funding statement (the menu shared a query). The site is Wagtail's lookup, read on
    # every request (Site.find_for_request), no longer kept in the process.
    assert first - then == 1
    assert 'href="/en/about/" aria-current="page">About<' in html
    assert "Erasmus+ programme" in html


def test_a_new_menu_page_and_a_renamed_one_show_on_the_next_request(client, home, about):
    get(client, "/en/about/")
    publish(StandardPageFactory(parent=home, title="Contact", slug="contact", show_in_menus=True))
    about.title = "Who we are"
    publish(about)
    html, _ = get(client, "/en/about/")
    assert ">Who we are<" in html and ">Contact<" in html


def test_a_page_made_private_leaves_the_menu_at_once(client, home, about):
    assert ">About<" in get(client, "/en/")[0]
    PageViewRestriction.objects.create(page=about, restriction_type="login")
    assert ">About<" not in get(client, "/en/")[0]


def test_an_edited_funding_statement_shows_on_the_next_request(client, about, funding):
    get(client, "/en/about/")
    funding.statement = "<p>Funded by the Interreg Baltic Sea Region programme.</p>"
    funding.save()
    html, _ = get(client, "/en/about/")
    assert "Interreg Baltic Sea Region" in html and "Erasmus+ programme" not in html


def test_a_renamed_site_shows_on_the_next_request(client, about, site):
    get(client, "/en/about/")
    site.site_name = "BRILLIANT"
    site.save()
    assert "<title>About · BRILLIANT</title>" in get(client, "/en/about/")[0]


def test_each_host_is_served_by_its_own_site(client, home, about, settings):
    settings.ALLOWED_HOSTS = ["testserver", "brilliant.example"]
    other_root = publish(StandardPageFactory(parent=home, title="BRILLIANT", slug="brilliant"))
    publish(StandardPageFactory(parent=other_root, title="Courses", slug="courses"))
    Site.objects.create(hostname="brilliant.example", root_page=other_root, site_name="B")
    for _ in range(2):  # first from the database, then from the process's memory
        assert ">About<" in get(client, "/en/about/")[0]
        html, _ = get(client, "/en/courses/", HTTP_HOST="brilliant.example")
        assert "<title>Courses · B</title>" in html


def test_without_a_reachable_cache_pages_render_and_changes_still_show(client, about, settings):
    """With no cache (DummyCache answers every read with a miss) the generation is read from
    the database on each request: the layout kept in the process is reused while nothing
    changes, and a change shows on the next request."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    _, first = get(client, "/en/about/")
    html, then = get(client, "/en/about/")
    assert then < first  # the layout kept in the process under the database's generation
    assert ">About<" in html and "Erasmus+ programme" in html
    about.title = "About the consortium"
    about.save_revision().publish()
    html, _ = get(client, "/en/about/")
    assert "About the consortium" in html


def test_the_language_switcher_is_the_same_on_the_first_and_the_next_request(
    client, homes, locales, funding
):
    """The first request reads the page's translations with the menu; the next one alone
    (written once per process): live, public, non-alias translations only, either way."""
    page = publish(StandardPageFactory(parent=homes["en"], title="About", slug="about"))
    french = translate_object(page, locales["fr"], tagged("fr"), strict=False)
    translate_object(page, locales["es"], tagged("es"), strict=False, publish=False)
    hungarian = translate_object(page, locales["hu"], tagged("hu"), strict=False)
    PageViewRestriction.objects.create(page=hungarian, restriction_type="login")
    first, _ = get(client, "/en/about/")
    then, _ = get(client, "/en/about/")
    switcher = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)
    assert switcher.search(first).group(0) == switcher.search(then).group(0)
    assert f'href="{french.url}" lang="fr"' in then
    assert 'href="/es/" lang="es"' in then  # a draft: its home instead
    assert 'href="/hu/" lang="hu"' in then  # private: its home instead
    assert re.findall(r'hreflang="(\w+)" href', first) == re.findall(r'hreflang="(\w+)" href', then)


def test_a_change_made_behind_the_applications_back_shows_within_five_minutes(
    client, about, funding, monkeypatch
):
    """No signal, no new generation (SQL by hand): what the process keeps expires anyway."""
    from home.pagecache import cache as caching

    get(client, "/en/about/")
    FundingStatement.objects.filter(pk=funding.pk).update(
        statement="<p>Funded by the Interreg Baltic Sea Region programme.</p>"
    )
    assert "Erasmus+ programme" in get(client, "/en/about/")[0]  # still kept
    now = caching.time.monotonic()
    monkeypatch.setattr(caching.time, "monotonic", lambda: now + caching.IN_PROCESS_TIMEOUT + 1)
    # The footer's fragment (home.pagecache.fragments) expires after as long, by the clock.
    with time_machine.travel(time.time() + caching.IN_PROCESS_TIMEOUT + 1, tick=False):
        assert "Interreg Baltic Sea Region" in get(client, "/en/about/")[0]
