"""HomePage.route() (home.pages.routing): a URL is routed in a fixed number of queries, to the
same page Wagtail's own routing finds, with the same privacy, draft, alias, locale and sub-route
rules."""

import datetime

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object
from news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def standard(parent, slug, **fields):
    return publish(StandardPageFactory(parent=parent, slug=slug, title=slug.title(), **fields))


@pytest.fixture
def tree(homes, locales):
    """/a/b/c/d/ in English (b a draft), /a/ translated into French, a news index with an
    article whose slug is also one of the index's sub-routes."""
    a = standard(homes["en"], "a")
    b = standard(a, "b")
    c = standard(b, "c")
    d = standard(c, "d")
    b.unpublish()
    fr_a = translate_object(a, locales["fr"], lambda text: f"[fr] {text}", strict=False)
    news = publish(NewsIndexPageFactory(parent=homes["en"], slug="news"))
    article = publish(NewsPageFactory(parent=news, slug="2024", date=datetime.date(2024, 3, 1)))
    feed = publish(NewsPageFactory(parent=news, slug="feed", date=datetime.date(2024, 3, 2)))
    return {
        "a": a,
        "b": b,
        "c": c,
        "d": d,
        "fr_a": fr_a,
        "news": news,
        "2024": article,
        "feed": feed,
    }


def describe(result):
    """(page id, sub-route view name, its arguments)."""
    if not result.args:
        return result.page.pk, None, ()
    view, args, kwargs = result.args
    return result.page.pk, view.__name__, (tuple(args), kwargs)


def wagtail_route(request, path):
    """What Wagtail's own routing answers: (page id, args) or None for a 404 (Page.route(),
    not the HomePage override)."""
    site = Site.find_for_request(request)
    components = [c for c in path.split("/") if c]
    try:
        result = Page.route(site.root_page.localized.specific, request, components)
    except Http404:
        return None
    return describe(result)


def portal_route(request, path):
    """What the portal answers: Wagtail's `Page.route_for_request`, which hands the path to
    HomePage.route() (home.pages.routing)."""
    try:
        result = Page.route_for_request(request, path)
    except Http404:
        return None
    return None if result is None else describe(result)


PATHS = [
    "",
    "a/",
    "a/b/",  # a draft: 404
    "a/b/c/",  # the live child of a draft
    "a/b/c/d/",
    "a/x/",
    "b/",  # exists only deeper down
    "a/b/c/d/e/",
    "news/",
    "news/2024/",  # the year archive, not the article with that slug (sub-routes win)
    "news/2024/03/",
    "news/feed/",  # no sub-route matches: the article with that slug
    "news/feed/rss/",
    "news/category/x/",
    "news/nope/",
]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_routes_every_path_where_wagtail_does(tree, language):
    factory = RequestFactory()
    french = tree["fr_a"].url.split("/")[2]
    for path in [*PATHS, f"{french}/", f"{french}/b/"]:
        with translation.override(language):
            request = factory.get(f"/{language}/{path}")
            assert portal_route(request, path) == wagtail_route(request, path), (language, path)


def test_a_deep_page_costs_as_many_queries_as_a_shallow_one(client, tree, funding):
    counts = {}
    for url in ["/en/a/", "/en/a/b/c/d/"]:
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    assert counts["/en/a/b/c/d/"] == counts["/en/a/"], counts


def test_drafts_and_unknown_paths_are_not_found(client, tree):
    assert client.get("/en/a/b/").status_code == 404
    assert client.get("/en/a/nope/").status_code == 404
    assert client.get("/en/a/b/c/d/e/").status_code == 404
    assert client.get("/en/a/b/c/").status_code == 200


def test_each_language_routes_in_its_own_tree(client, tree):
    french = tree["fr_a"]
    assert french.url.startswith("/fr/")
    response = client.get(french.url)
    assert response.status_code == 200
    assert "[fr] A" in response.text
    assert client.get(f"{french.url}b/c/").status_code == 404  # not translated
    assert client.get("/fr/a/").status_code == 404  # the English slug


def test_private_sections_stay_private(client, tree):
    PageViewRestriction.objects.create(
        page=tree["c"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    PageViewRestriction.objects.create(
        page=tree["news"], restriction_type=PageViewRestriction.LOGIN
    )
    for url in ["/en/a/b/c/", "/en/a/b/c/d/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert 'name="password"' in response.text, url
        assert "<h1>D</h1>" not in response.text
    for url in ["/en/news/", "/en/news/2024/", "/en/news/feed/", "/en/news/feed/rss/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"]
    assert client.get("/en/a/").status_code == 200


def test_an_alias_of_a_private_page_is_private(client, tree, homes):
    # Wagtail applies the source page's own restrictions to its aliases.
    PageViewRestriction.objects.create(page=tree["d"], restriction_type=PageViewRestriction.LOGIN)
    alias = tree["d"].create_alias(parent=homes["en"], update_slug="d-alias")
    assert Page.objects.get(pk=alias.pk).live
    response = client.get("/en/d-alias/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_lists_leave_out_private_pages_once_a_section_is_restricted(client, tree, homes, funding):
    """public() reads the restrictions once per request (none at first: no condition)."""
    secret = standard(homes["en"], "secret", show_in_menus=True)
    assert 'href="/en/secret/"' in client.get("/en/a/").text
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en/a/")
    assert response.status_code == 200
    assert 'href="/en/secret/"' not in response.text
    assert client.get("/en/secret/").status_code == 302
