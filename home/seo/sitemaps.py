"""/sitemap.xml: a sitemap index over every language, and one paginated sitemap per language
(/sitemap-<language>.xml, ?p=2 ...) with hreflang alternates; /robots.txt points at the index.

Wagtail's own sitemap lists the default language's pages only and asks every page for its URLs
(a query or more per page). These sitemaps list every live, public page of the site in every
locale (aliases and drafts left out: an alias repeats another language's text and a draft is not
on the site), each with an `xhtml:link rel="alternate"` for every language the page is published
in, plus `x-default` (the default language's version).

The views are Django's own sitemap views (`django.contrib.sitemaps.views.index` and `sitemap`:
`?p=` handling, 404 for a page number that is not a positive integer or past the end), fed with
one `LocaleSitemap` per language. PORTAL_SITEMAP_PAGE_SIZE URLs per sitemap (at most the
protocol's 50,000). Each response costs a fixed number of queries whatever the size of the site:
the index one for the language roots; a language's sitemap that one, one for its page of pages
and one for their translations. Every language's count and latest change (which number the
sitemap pages and date them) take one query over every page of the site: it is remembered until
the content changes (home.pagecache.cache.remember), so that neither response grows with the
site. As in Django, every page of a language's sitemap carries that language's latest change as its
`lastmod` in the index.

All of it is outside the language prefix and is cached by the anonymous page cache like pages
(home.pagecache.cache: keyed by host, path and query string; invalidated with everything else)."""

from collections import defaultdict
from typing import NamedTuple
from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from home.pagecache.cache import remember
from home.pages.models import every_page

# The sitemap protocol's ceiling on URLs per sitemap (https://www.sitemaps.org/protocol.html).
PROTOCOL_MAX_URLS = 50_000
CONTENT_TYPE = "application/xml; charset=utf-8"
# What Django's reverse() leaves unquoted in a path (django.urls.resolvers).
SAFE_IN_PATH = "!$&'()*+,;=/~:@"


def page_size():
    """PORTAL_SITEMAP_PAGE_SIZE, kept between 1 and the protocol's 50,000."""
    size = int(getattr(settings, "PORTAL_SITEMAP_PAGE_SIZE", 2000))
    return max(1, min(size, PROTOCOL_MAX_URLS))


class Root(NamedTuple):
    """A language's home page on the site: where its pages' paths and URLs start."""

    locale_id: int
    path: str
    url_path: str
    url: str  # its full URL, e.g. http://example.org/fr/


class SiteSitemaps:
    """The sitemaps of one site: one `LocaleSitemap` per language that has a home page (the
    site root or its translation). Shares the queries the sitemaps have in common.

    Pages are read as rows (not model instances) and their URLs built here, as Wagtail builds
    them (the site's root URL, the language prefix, the page's url_path below its home, quoted
    as reverse() quotes it): on a sitemap of thousands of URLs with their alternates, making
    a Page and asking it for its URL costs about a second."""

    def __init__(self, site, request=None):
        self.site = site
        self.request = request

    @cached_property
    def roots(self):
        """{language code: Root}, one query."""
        rows = (
            Page.objects.filter(
                translation_key=self.site.root_page.translation_key, alias_of__isnull=True
            )
            .order_by("locale__language_code")
            .values_list("locale__language_code", "locale_id", "path", "url_path")
        )
        root_url = self.site.root_url.rstrip("/")
        roots = {}
        for code, locale_id, path, url_path in rows:
            with translation.override(code):
                home = reverse("wagtail_serve", args=("",))
            roots[code] = Root(locale_id, path, url_path, root_url + home)
        return roots

    @cached_property
    def by_locale(self):
        return {root.locale_id: (code, root) for code, root in self.roots.items()}

    def url(self, locale_id, url_path):
        """The full URL of the page of that language and url_path (Page.get_full_url)."""
        _code, root = self.by_locale[locale_id]
        return root.url + quote(url_path[len(root.url_path) :], safe=SAFE_IN_PATH)

    @cached_property
    def live_pages(self):
        """The pages the public may see (`visible()`), not aliases."""
        return every_page().visible().filter(alias_of__isnull=True)

    def under_roots(self):
        condition = Q(pk__in=[])
        for root in self.roots.values():
            condition |= Q(locale_id=root.locale_id, path__startswith=root.path)
        return condition

    def pages_in(self, code):
        root = self.roots[code]
        return self.live_pages.filter(locale_id=root.locale_id, path__startswith=root.path)

    @cached_property
    def stats(self):
        """{locale id: (number of pages, latest publication)} of every language: one query
        over every page of the site, remembered until the content changes (a publish bumps
        the generation before it purges the sitemaps from a CDN, so `urls()` reads them
        afresh)."""
        return remember(f"sitemap:{self.site.pk}:stats", self.count_pages)

    def count_pages(self):
        rows = (
            self.live_pages.filter(self.under_roots())
            .order_by()
            .values("locale_id")
            .annotate(count=Count("id"), lastmod=Max("last_published_at"))
        )
        return {row["locale_id"]: (row["count"], row["lastmod"]) for row in rows}

    def sections(self, with_stats=False):
        """{section name (language code): LocaleSitemap}, the default language first."""
        default = settings.LANGUAGE_CODE
        codes = sorted(self.roots, key=lambda code: (code != default, code))
        return {code: LocaleSitemap(self, code, with_stats=with_stats) for code in codes}

    def alternates(self, keys):
        """{translation key: [(language code, URL)] of its live pages on this site, sorted},
        one query."""
        found = defaultdict(list)
        if not keys:
            return found
        rows = self.live_pages.filter(self.under_roots(), translation_key__in=keys).values_list(
            "translation_key", "locale_id", "url_path"
        )
        for key, locale_id, url_path in rows:
            found[key].append((self.by_locale[locale_id][0], self.url(locale_id, url_path)))
        for pairs in found.values():
            pairs.sort()
        return found

    def urls(self):
        """Absolute URLs of the index and of every page of every language's sitemap (for a
        CDN purge). Two queries."""
        root = self.site.root_url.rstrip("/")
        urls = [root + reverse("sitemap")]
        for code, sitemap in self.sections(with_stats=True).items():
            location = root + reverse("sitemap_section", kwargs={"section": code})
            urls.append(location)
            urls += [f"{location}?p={n}" for n in range(2, sitemap.paginator.num_pages + 1)]
        return urls


class LocaleSitemap(Sitemap):
    """The live pages of one language of a site, in tree order, with their alternates."""

    def __init__(self, sitemaps, code, with_stats=False):
        self.sitemaps = sitemaps
        self.code = code
        self.locale_id = sitemaps.roots[code].locale_id
        self.with_stats = with_stats
        self.limit = page_size()

    def items(self):
        """(url_path, translation key, last published) rows, in tree order."""
        return (
            self.sitemaps.pages_in(self.code)
            .order_by("path")
            .values_list("url_path", "translation_key", "last_published_at")
        )

    @cached_property
    def paginator(self):
        paginator = Paginator(self.items(), self.limit)
        if self.with_stats:
            # Known from the one query over every language (Paginator.count is cached).
            paginator.count = self.sitemaps.stats.get(self.locale_id, (0, None))[0]
        return paginator

    def get_latest_lastmod(self):
        return self.sitemaps.stats.get(self.locale_id, (0, None))[1]

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries of page `page` (Django's paginator raises EmptyPage/PageNotAnInteger,
        which Django's view answers with a 404). URLs are Wagtail's, so they carry the Wagtail
        site's own scheme and host."""
        rows = list(self.paginator.page(page).object_list)
        alternates = self.sitemaps.alternates({key for _url_path, key, _lastmod in rows})
        default_code = settings.LANGUAGE_CODE
        entries = []
        for url_path, key, lastmod in rows:
            group = alternates[key] if len(alternates[key]) > 1 else []
            links = [{"lang_code": code, "location": url} for code, url in group]
            default = dict(group).get(default_code)
            if default:
                links.append({"lang_code": "x-default", "location": default})
            entries.append(
                {
                    "location": self.sitemaps.url(self.locale_id, url_path),
                    "lastmod": lastmod,
                    "alternates": links,
                }
            )
        lastmods = [entry["lastmod"] for entry in entries]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)  # Django's view sends it as Last-Modified
        return entries


def _site_sitemaps(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return SiteSitemaps(site, request)


@require_GET
def sitemap_index(request):
    """The sitemap index: every page of every language's sitemap, with its lastmod."""
    return sitemap_views.index(
        request,
        _site_sitemaps(request).sections(with_stats=True),
        template_name="home/sitemap_index.xml",
        content_type=CONTENT_TYPE,
        sitemap_url_name="sitemap_section",
    )


@require_GET
def sitemap_section(request, section):
    """One page (?p=) of one language's sitemap; unknown language or bad page: 404."""
    return sitemap_views.sitemap(
        request,
        _site_sitemaps(request).sections(with_stats=True),
        section=section,
        template_name="home/sitemap.xml",
        content_type=CONTENT_TYPE,
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
