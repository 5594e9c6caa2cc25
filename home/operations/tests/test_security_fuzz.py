"""Property-based fuzzing of the public surface (hypothesis, bounded): generated paths, query
strings and form posts sent to every public URL (discovered from the page tree, plus search,
the sitemap, robots.txt and the language homes) never get a 5xx."""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from home.pages.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=50,
    database=None,  # no .hypothesis/ directory in the checkout
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PARAMETERS = ["q", "page", "category", "tag", "year", "month", "lang", "format", "sort", "type"]
text = st.text(min_size=0, max_size=60)
nasty = st.sampled_from(
    [
        "",
        "0",
        "-1",
        "99999999999999999999",
        "1e309",
        "NaN",
        "%",
        "%00",
        "\x00",
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "é" * 300,
        "\ud7ff\ue000",
        "a" * 5000,
    ]
)
value = st.one_of(text, nasty, st.integers().map(str))


@pytest.fixture
def public_urls(homes):
    about = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    about.save_revision().publish()
    urls = {page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()}
    urls |= {"/", "/en/search/", "/fr/search/", "/sitemap.xml", "/robots.txt", "/health/"}
    urls |= {f"/{code}/" for code in homes}
    return sorted(u for u in urls if u)


def no_server_error(response, url):
    assert response.status_code < 500, f"{response.status_code} for {url!r}"


def test_generated_paths(public_urls):
    client = Client()

    @FUZZ
    @given(base=st.sampled_from(public_urls), suffix=st.one_of(text, nasty))
    def check(base, suffix):
        url = base + quote(suffix, safe="/")
        no_server_error(client.get(url), url)

    check()


def test_generated_query_strings(public_urls):
    client = Client()

    @FUZZ
    @given(
        base=st.sampled_from(public_urls),
        query=st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), text), value), max_size=6),
    )
    def check(base, query):
        url = f"{base}?{urlencode(query)}"
        no_server_error(client.get(url), url)

    check()


def test_raw_malformed_query_strings(public_urls):
    client = Client()

    @FUZZ
    @given(base=st.sampled_from(public_urls), raw=st.one_of(text, nasty))
    def check(base, raw):
        url = f"{base}?{quote(raw, safe='=&%;+')}"
        no_server_error(client.get(url), url)

    check()


def test_generated_form_posts(public_urls):
    client = Client()  # CSRF checks off, so that the views see the input

    @FUZZ
    @given(
        base=st.sampled_from(public_urls),
        data=st.dictionaries(st.one_of(st.sampled_from(PARAMETERS), text), value, max_size=6),
    )
    def check(base, data):
        no_server_error(client.post(base, data), base)

    check()


def test_the_fuzz_reaches_the_pages(public_urls):
    """The URL list is not empty or all 404s: the fuzz above exercises real views."""
    client = Client()
    statuses = {url: client.get(url).status_code for url in public_urls}
    assert sum(status == 200 for status in statuses.values()) >= 6, statuses
