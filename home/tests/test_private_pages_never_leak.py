"""A private page never leaks (issue: "Private pages never leak"), tested as a property over
the page types: one site with every page type in several languages is built once; then, for
each page type, one page is made private in turn (a password, login or group restriction, on the
page itself or on an ancestor), and every public page of every language is requested (pages,
listings with filters, feeds, sitemaps, search, JSON-LD): the private pages' titles and
addresses appear nowhere. The page cache is on and warm before each restriction, so a cached
copy would show; and the CDN (Wagtail's HTTP front-end cache backend, pointed at a server this
test starts) is asked to purge the private pages' addresses."""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from conftest import tagged
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object
from home.projects.factories import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectRelationFactory,
)
from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPageRelatedPage
from partners.factories import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PartnerProjectRoleFactory,
)
from training.factories import TrainingIndexPageFactory, TrainingResourcePageFactory

pytestmark = pytest.mark.django_db

PASSWORD, LOGIN, GROUPS = (
    PageViewRestriction.PASSWORD,
    PageViewRestriction.LOGIN,
    PageViewRestriction.GROUPS,
)

# (page type, the page made private, where the restriction is set, its kind). Every kind is
# used on a page and on an ancestor; pages of the source language and of a translation; pages
# that another language shows through the "no translation, so the original" fallback.
CASES = [
    ("home", "home fr", "page", PASSWORD),
    ("home", "home en", "page", GROUPS),  # the ancestor of every English page
    ("standard", "about en", "page", GROUPS),
    ("project index", "projects en", "page", PASSWORD),  # and the projects under it
    ("project", "beta en", "page", PASSWORD),  # untranslated: the fallback of French pages
    ("news index", "news fr", "page", LOGIN),
    ("news article", "article en", "parent", PASSWORD),
    ("training index", "training en", "page", LOGIN),
    ("training resource", "module en", "page", PASSWORD),
    ("partner index", "partners fr", "page", GROUPS),
    ("partner page", "gamma en", "page", LOGIN),  # untranslated: the fallback
    ("partner page", "delta en", "parent", GROUPS),
]


class PurgeRecorder(BaseHTTPRequestHandler):
    """A front-end cache (a CDN's purge endpoint): records the paths it is asked to purge."""

    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append(f"http://{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "local": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    PurgeRecorder.purged = []
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def titled(factory, name, **kwargs):
    """A page titled "Zq en <name>" (no title is part of another)."""
    return factory(title=f"Zq en {name}", slug=name.lower(), **kwargs)


def translated(page, locale, name):
    code = locale.language_code
    translation = translate_object(page, locale, tagged(code), strict=False)
    translation.title = f"Zq {code} {name}"
    translation.save_revision().publish()
    return translation


@pytest.fixture
def site_pages(homes, locales):
    """Every page type in English; most in French (the fallback shows the others there);
    Spanish and Hungarian have their home page. Named "<slug> <language>"."""
    en, fr = homes["en"], locales["fr"]
    pages = {}
    for code, home in homes.items():
        home.title = f"Zq {code} Home"
        home.save_revision().publish()
        pages[f"home {code}"] = home
    about = titled(StandardPageFactory, "About", parent=en)
    projects = titled(ProjectIndexPageFactory, "Projects", parent=en)
    # (names that do not repeat the title: a translation keeps them as they are)
    alpha = titled(ProjectPageFactory, "Alpha", parent=projects, full_name="First project")
    beta = titled(ProjectPageFactory, "Beta", parent=projects, full_name="Second project")
    ProjectRelationFactory(page=alpha, project=beta, relation_type="successor")
    category = NewsCategoryFactory(locale=locales["en"], name="Zq events", slug="events")
    news = titled(NewsIndexPageFactory, "News", parent=en)
    article = titled(NewsPageFactory, "Article", parent=news, tags=["mooc"])
    article.categories.set([category])
    other = NewsPageFactory(parent=news, title="Zq en Neighbour", slug="neighbour", tags=["mooc"])
    other.categories.set([category])
    training = titled(TrainingIndexPageFactory, "Training", parent=en)
    module = titled(TrainingResourcePageFactory, "Module", parent=training, origin_project=beta)
    titled(TrainingResourcePageFactory, "Course", parent=training, origin_project=alpha)
    partners = titled(PartnerIndexPageFactory, "Partners", parent=en)
    gamma = titled(PartnerPageFactory, "Gamma", parent=partners, organisation_name="G cluster")
    delta = titled(PartnerPageFactory, "Delta", parent=partners, organisation_name="D cluster")
    for partner in (gamma, delta):
        PartnerProjectRoleFactory(partner=partner, project=alpha, role="partner")
        PartnerProjectRoleFactory(partner=partner, project=beta, role="partner")
    for target in (alpha, beta, gamma, delta, module, about):
        NewsPageRelatedPage.objects.create(page=article, target=target)
    for page in [about, projects, alpha, beta, news, article, other, training, module]:
        page.save_revision().publish()
    for page in [partners, gamma, delta]:
        page.save_revision().publish()
    for page in Page.objects.filter(title__startswith="Zq en").specific():
        pages[f"{page.slug} en"] = page
    # French: everything but Beta and Gamma (shown in French through the fallback).
    for page in [about, projects, alpha, news, article, other, training, module, partners, delta]:
        name = page.title.split(" ", 2)[2]
        pages[f"{page.slug} fr"] = translated(page, fr, name)
    return pages


def public_urls(pages, private):
    """The addresses of every public page and of its listings, filters, feeds, sitemaps and
    search results (`private`: the pages not to request)."""
    urls = ["/sitemap.xml"]
    for code in ["en", "fr", "es", "hu"]:
        if pages[f"home {code}"].pk not in private:  # (a private home: the language is)
            urls += [f"/sitemap-{code}.xml", f"/{code}/search/?q=Zq"]
    for key, page in pages.items():
        if page.pk in private:
            continue
        url = page.url
        urls.append(url)
        if key.startswith("news "):
            urls += [f"{url}feed/rss/", f"{url}feed/atom/", f"{url}tag/mooc/"]
            urls.append(f"{url}{page.specific.news().first().date:%Y}/")
            if key.endswith(" en"):  # the category is not translated
                urls.append(f"{url}category/events/")
        if key.startswith(("training ", "partners ")):
            for project in ("alpha", "beta"):
                for candidate in (pages.get(f"{project} {key[-2:]}"), pages[f"{project} en"]):
                    if candidate is not None:
                        urls.append(f"{url}?project={candidate.pk}")
    return urls


def addresses(page):
    return [page.url, page.full_url]


def leaks(text, page):
    """Where `page` shows in `text`: its title, or its address as a link's whole target."""
    found = [page.title] if page.title in text else []
    for address in addresses(page):
        if re.search(rf"[\"'>]{re.escape(address)}[\"'<]", text):
            found.append(address)
    return found


def test_a_private_page_shows_nowhere(
    client, settings, cdn, site_pages, django_capture_on_commit_callbacks
):
    settings.PORTAL_PAGE_CACHE_ENABLED = True
    sitemaps = client.get("/sitemap.xml").text
    assert all(f"sitemap-{code}.xml" in sitemaps for code in ["en", "fr", "es", "hu"])
    editors = Group.objects.get(name="Editors")
    for page_type, name, on, kind in CASES:
        page = site_pages[name]
        restricted = page if on == "page" else page.get_parent()
        hidden = list(Page.objects.descendant_of(restricted, inclusive=True).specific())
        private = {p.pk for p in hidden}
        urls = public_urls(site_pages, private)
        shown = []
        for url in urls:  # warm the page cache; the page is shown while it is public
            response = client.get(url)
            assert response.status_code == 200, url
            shown += leaks(response.content.decode(), page)
        assert page.full_url in shown, (page_type, name)  # linked from a public page

        cdn.clear()
        # The purge is sent when the change commits (the test's transaction never does).
        with django_capture_on_commit_callbacks(execute=True):
            restriction = PageViewRestriction.objects.create(
                page=restricted,
                restriction_type=kind,
                password="secret" if kind == PASSWORD else "",
            )
            if kind == GROUPS:
                restriction.groups.add(editors)
        try:
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, (page_type, name, url)
                text = response.content.decode()
                for private_page in hidden:
                    assert not leaks(text, private_page), (page_type, name, url, private_page)
            assert page.full_url in cdn, (page_type, name, cdn)
        finally:
            restriction.delete()
