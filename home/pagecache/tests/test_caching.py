"""The anonymous page cache (home/pagecache/cache.py): what is cached, for whom, and that
every kind of content change is visible on the very next anonymous request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.pagecache.cache import HIT_HEADER, cache_key
from home.pages.factories import FundingStatementFactory, StandardPageFactory
from home.pages.models import SiteSettings, StandardPage
from news.factories import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE_ENABLED = True
    settings.PORTAL_PAGE_CACHE_BROWSER_MAX_AGE = 60
    settings.PORTAL_PAGE_CACHE_CDN_MAX_AGE = 300
    cache.clear()
    yield
    cache.clear()


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def get(client, url, **extra):
    """(response, number of SQL queries it cost)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def warm(client, url):
    """Request `url` until it is served from the cache, proving the hit (no SQL at all)."""
    first = client.get(url)
    assert first.status_code == 200
    assert first[HIT_HEADER] == "miss"
    response, queries = get(client, url)
    assert response[HIT_HEADER] == "hit"
    assert queries == 0
    return response


@pytest.fixture
def news_index(home):
    return publish(NewsIndexPageFactory(parent=home))


@pytest.fixture
def article(news_index):
    return publish(NewsPageFactory(parent=news_index, title="Cluster managers meet in Lyon"))


@pytest.fixture
def about(home):
    return publish(StandardPageFactory(parent=home, title="About the project", slug="about"))


# What is cached ---------------------------------------------------------------------------


def test_anonymous_page_is_cached_with_public_headers(client, home):
    response = warm(client, "/en/")
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert "Cluster managers for Industry 4.0" in response.text
    assert response["Content-Type"].startswith("text/html")
    assert not response.cookies


def test_head_is_answered_from_the_get_entry(client, home):
    warm(client, "/en/")
    response = client.head("/en/")
    assert response.status_code == 200
    assert response[HIT_HEADER] == "hit"


def test_only_declared_query_parameters_are_part_of_the_key(client, home, rf):
    """The home page reads no parameter: ?utm_source= is served its entry
    (test_query_params.py has the rest)."""
    warm(client, "/en/")
    response = client.get("/en/?utm_source=feed")
    assert response[HIT_HEADER] == "hit"
    assert cache_key(rf.get("/en/")) == cache_key(rf.get("/en/?utm_source=feed"))
    assert cache_key(rf.get("/en/news/?page=2")) != cache_key(rf.get("/en/news/"))


def test_key_includes_host_and_language(rf):
    keys = {
        cache_key(rf.get("/en/", HTTP_HOST="testserver")),
        cache_key(rf.get("/en/", HTTP_HOST="localhost")),
        cache_key(rf.get("/fr/", HTTP_HOST="testserver")),
    }
    assert len(keys) == 3


def test_routable_subpages_feeds_and_sitemap_are_cached(client, article, news_index):
    for url in [news_index.url, news_index.url + "feed/rss/", "/sitemap.xml", "/sitemap-en.xml"]:
        warm(client, url)


def test_search_results_are_never_cached(client, home, about):
    for _ in range(2):
        response = client.get("/en/search/?q=project")
        assert response.status_code == 200
        assert HIT_HEADER not in response
        assert response["Cache-Control"] == "private, no-cache"


def test_errors_and_redirects_are_not_cached(client, home):
    for _ in range(2):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        assert HIT_HEADER not in response
        assert response["Cache-Control"] == "private, no-cache"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert HIT_HEADER not in response


def test_disabled_cache_renders_every_time(client, home, settings):
    settings.PORTAL_PAGE_CACHE_ENABLED = False
    client.get("/en/")
    response, queries = get(client, "/en/")
    assert HIT_HEADER not in response
    assert queries > 0


# Who never gets a cached response -------------------------------------------------------


def test_logged_in_users_never_get_or_fill_the_cache(client, home, admin_user):
    warm(client, "/en/")
    client.force_login(admin_user)
    response = client.get("/en/")
    assert HIT_HEADER not in response
    assert response["Cache-Control"] == "private, no-cache"
    assert 'class="w-userbar' in response.text or "wagtail-userbar" in response.text
    # Their page (with the editor's userbar) was not stored for anyone else.
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/en/")
    assert anonymous[HIT_HEADER] == "hit"
    assert "userbar" not in anonymous.text


def test_a_session_cookie_alone_bypasses_the_cache(client, home, settings):
    warm(client, "/en/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    response = client.get("/en/")
    assert HIT_HEADER not in response
    assert response["Cache-Control"] == "private, no-cache"


def test_previews_are_not_cached(admin_client, client, home):
    warm(client, "/en/")
    preview_url = f"/admin/pages/{home.id}/edit/preview/"
    data = nested_form_data(
        {
            "title": "Cluster4Smart",
            "slug": home.slug,
            "hero_heading": "A preview nobody else may see",
            "intro": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    assert admin_client.post(preview_url, data).json()["is_valid"] is True
    preview = admin_client.get(preview_url)
    assert "A preview nobody else may see" in preview.text
    assert HIT_HEADER not in preview
    anonymous = client.get("/en/")
    assert anonymous[HIT_HEADER] == "hit"
    assert "A preview nobody else may see" not in anonymous.text


def test_a_response_that_sets_a_cookie_is_not_cached(client, about):
    """A password-protected page answers with a form carrying a CSRF token (and cookie)."""
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response = client.get(about.url)
        assert response.status_code == 200
        assert response.cookies
        assert HIT_HEADER not in response
        assert "public" not in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        client.cookies.clear()


def test_view_cache_control_private_is_respected(client, home):
    """The health endpoint says never_cache: it is neither stored nor given public headers."""
    response = client.get("/health/")
    assert "public" not in response["Cache-Control"]
    assert HIT_HEADER not in response


# Invalidation: the next anonymous request shows the change --------------------------------


def test_publishing_a_change_shows_on_the_next_request(client, home):
    warm(client, "/en/")
    home.hero_heading = "Industry 4.0 for every cluster"
    publish(home)
    response = client.get("/en/")
    assert response[HIT_HEADER] == "miss"
    assert "Industry 4.0 for every cluster" in response.text


def test_a_draft_does_not_change_the_public_page(client, home):
    warm(client, "/en/")
    home.hero_heading = "Draft heading"
    home.save_revision()
    response = client.get("/en/")
    assert "Draft heading" not in response.text
    assert "Cluster managers for Industry 4.0" in response.text


def test_new_article_shows_on_index_home_feed_and_sitemap(client, article, news_index):
    urls = ["/en/", news_index.url, news_index.url + "feed/atom/", "/sitemap-en.xml"]
    for url in urls:
        warm(client, url)
    new = publish(NewsPageFactory(parent=news_index, title="BRILLIANT kicks off", slug="brilliant"))
    for url in urls:
        response = client.get(url)
        assert response[HIT_HEADER] == "miss", url
        assert ("BRILLIANT kicks off" in response.text) or (new.url in response.text), url


def test_unpublish_removes_the_page_and_its_listing(client, article, news_index):
    warm(client, article.url)
    warm(client, news_index.url)
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert "Cluster managers meet in Lyon" not in client.get(news_index.url).text


def test_delete_removes_the_page_and_its_listing(client, article, news_index):
    url = article.url
    warm(client, url)
    warm(client, news_index.url)
    article.delete()
    assert client.get(url).status_code == 404
    assert "Cluster managers meet in Lyon" not in client.get(news_index.url).text


def test_move_changes_both_urls(client, home, about, article, news_index):
    old_url = article.url
    warm(client, old_url)
    warm(client, news_index.url)
    article.move(about, pos="last-child")
    article.refresh_from_db()
    # Wagtail leaves a redirect at the old address; the cached page is not served there.
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == article.url
    assert "Cluster managers meet in Lyon" not in client.get(news_index.url).text
    assert client.get("/en/about/" + article.slug + "/").status_code == 200


def test_translation_published_shows_in_the_switcher(client, about, homes, locales):
    from conftest import tagged
    from home.pages.localization import translate_object

    response = warm(client, about.url)
    assert 'rel="alternate" hreflang="fr"' not in response.text
    french = translate_object(about, locales["fr"], tagged("fr"), strict=False)
    response = client.get(about.url)
    assert response[HIT_HEADER] == "miss"
    assert f'rel="alternate" hreflang="fr" href="http://testserver{french.url}"' in response.text


def test_snippet_change_shows_in_every_footer(client, home, site):
    statement = FundingStatementFactory()
    settings_row = SiteSettings.for_site(site)
    settings_row.funding_statement = statement
    settings_row.save()
    warm(client, "/en/")
    statement.disclaimer = "The views expressed are those of the authors alone."
    statement.save()
    response = client.get("/en/")
    assert response[HIT_HEADER] == "miss"
    assert "The views expressed are those of the authors alone." in response.text


def test_site_settings_change_invalidates(client, home, site):
    warm(client, "/en/")
    settings_row = SiteSettings.for_site(site)
    settings_row.funding_statement = FundingStatementFactory(disclaimer="Erasmus+ KA2 disclaimer")
    settings_row.save()
    response = client.get("/en/")
    assert "Erasmus+ KA2 disclaimer" in response.text


def test_making_a_page_private_stops_serving_its_cached_copy(client, about, article):
    """Privacy is set in the admin without saving the page: the restriction itself must make
    the cached public copies (the page, and listings that show it) stale."""
    warm(client, about.url)
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(about.url)
    assert HIT_HEADER not in response or response[HIT_HEADER] != "hit"
    assert "password" in response.text.lower()

    warm(client, article.url)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(article.url).status_code == 302  # to the login page
    restriction.delete()
    assert client.get(article.url).status_code == 200


def test_a_change_committed_while_rendering_is_not_stored_as_fresh(client, home, monkeypatch):
    """An entry is stored under the generation read before rendering: a publish that lands
    while a page renders makes that entry stale at once."""
    from home.pagecache import cache as caching

    original = caching.AnonymousPageCacheMiddleware._store

    def store_after_a_publish(self, key, response, generation):
        caching.bump_generation()  # someone publishes while this response was rendering
        original(self, key, response, generation)

    monkeypatch.setattr(caching.AnonymousPageCacheMiddleware, "_store", store_after_a_publish)
    client.get("/en/")
    monkeypatch.undo()
    assert client.get("/en/")[HIT_HEADER] == "miss"


def test_renditions_made_while_rendering_do_not_invalidate(client, home):
    from home.pages.factories import PortalImageFactory

    home.hero_image = PortalImageFactory()
    publish(home)
    warm(client, "/en/")  # the first render created renditions; the second was still a hit


# CDN purge --------------------------------------------------------------------------------


class RecordingBackend(BaseBackend):
    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


def test_publish_purges_page_ancestors_and_sitemap_from_the_cdn(
    settings, article, news_index, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "home.pagecache.tests.test_caching.RecordingBackend"}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    RecordingBackend.purged = []
    article.title = "Updated"
    with django_capture_on_commit_callbacks(execute=True):
        publish(article)
    assert set(RecordingBackend.purged) >= {
        "http://testserver" + article.url,
        "http://testserver" + news_index.url,
        "http://testserver/en/",
        "http://testserver/sitemap.xml",
    }


def test_move_purges_the_old_url(settings, about, article, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "home.pagecache.tests.test_caching.RecordingBackend"}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    RecordingBackend.purged = []
    old_url = "http://testserver" + article.url
    with django_capture_on_commit_callbacks(execute=True):
        article.move(about, pos="last-child")
    assert old_url in RecordingBackend.purged
    assert "http://testserver/en/about/" in RecordingBackend.purged


def test_no_cdn_configured_purges_nothing(settings, article, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        publish(article)
    assert RecordingBackend.purged == []


def test_standard_page_model_is_covered(about):
    from home.pagecache.cache import model_affects_pages
    from home.pages.models import PortalRendition

    assert model_affects_pages(StandardPage)
    assert not model_affects_pages(PortalRendition)
