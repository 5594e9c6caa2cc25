"""Query strings a page does not read create no cache entries: each cacheable view declares its
parameters (a page type's `cache_query_params`, PORTAL_PAGE_CACHE_QUERY_PARAMS for the sitemaps);
others are left out of the key and a response to them is never stored. The entries are counted
as files of a file-based cache."""

import pytest
from django.core.cache import caches

from home.pagecache.cache import HIT_HEADER
from home.pages.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PORTAL_PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages"),
        },
    }
    settings.PORTAL_PAGE_CACHE_ALIAS = "pages"
    yield tmp_path / "pages"
    caches["pages"].clear()


def entries(directory):
    return len(list(directory.glob("*.djcache"))) if directory.exists() else 0


@pytest.fixture
def news_index(home):
    index = publish(NewsIndexPageFactory(parent=home))
    publish(NewsPageFactory(parent=index, title="Cluster managers meet in Lyon"))
    return index


def test_unknown_parameters_create_no_entries(client, news_index, page_cache):
    assert client.get(news_index.url)[HIT_HEADER] == "miss"
    before = entries(page_cache)
    for number in range(1, 101):
        response = client.get(f"{news_index.url}?x={number}")
        assert response.status_code == 200
        # Served the entry of the plain URL: the parameter is not part of the key.
        assert response[HIT_HEADER] == "hit"
    assert entries(page_cache) == before


def test_unknown_parameters_on_a_cold_page_are_not_stored(client, news_index, page_cache):
    # (The first render keeps the listing's aggregates: counted before.)
    assert client.get(f"{news_index.url}?utm_source=feed0")[HIT_HEADER] == "miss"
    before = entries(page_cache)
    for number in range(1, 101):
        response = client.get(f"{news_index.url}?utm_source=feed{number}")
        assert response[HIT_HEADER] == "miss"
    assert entries(page_cache) == before
    client.get(news_index.url)
    assert entries(page_cache) == before + 1


def test_declared_parameters_are_keyed_in_a_normal_order(client, news_index, page_cache):
    category_url = f"{news_index.url}?year=2024&page=1"
    assert client.get(category_url)[HIT_HEADER] == "miss"
    assert client.get(f"{news_index.url}?page=1&year=2024")[HIT_HEADER] == "hit"
    assert client.get(f"{news_index.url}?page=1&year=2024&fbclid=abc")[HIT_HEADER] == "hit"
    assert client.get(f"{news_index.url}?year=2025")[HIT_HEADER] == "miss"


def test_a_parameter_another_page_type_reads_is_not_stored_here(client, home, page_cache):
    about = publish(StandardPageFactory(parent=home, title="About the project", slug="about"))
    assert client.get(f"{about.url}?page=0").status_code == 200
    before = entries(page_cache)
    for number in range(1, 51):
        assert client.get(f"{about.url}?page={number}").status_code == 200
    assert entries(page_cache) == before


def test_sitemap_pages_are_keyed_on_their_page_parameter(client, news_index, page_cache):
    assert client.get("/sitemap-en.xml?p=1")[HIT_HEADER] == "miss"
    assert client.get("/sitemap-en.xml?p=1")[HIT_HEADER] == "hit"
    assert client.get("/sitemap-en.xml?p=1&x=2")[HIT_HEADER] == "hit"
