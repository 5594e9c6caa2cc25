"""Anonymous page cache: whole responses of public pages kept in the shared cache.

What is cached: GET (and HEAD, answered from the GET entry) responses of Wagtail pages (their
routable sub-pages too: news archives, filters and feeds), the sitemap and robots.txt, for
visitors without a session cookie (a request without one cannot be logged in, previewing or
holding a page password), status 200, no cookie set by the response and no `Cache-Control:
private/no-cache/no-store` from the view. Search results, the admin, documents, the health
endpoint, redirects, errors and anything that sets a cookie (a form with a CSRF token, say)
are never cached.

The key is the host, the full path with its query string and the language; the value is the
response (status, headers, body) together with the cache *generation* it was rendered in.

Invalidation: one site-wide generation counter, bumped whenever content that visitors can see
changes (a page published, unpublished, moved, deleted or saved; a snippet such as the funding
statement or a news category; site settings; images, documents, sites and locales). Entries of an
older generation are misses, and are overwritten in place. A page's output depends on much more
than the page itself (the home page lists the latest news, every page shows the menu, the
language switcher and the funding statement, index pages and feeds list their children, related
articles point at siblings), so working out the exact set of URLs to purge per change is error
prone; a site-wide generation is always correct, costs one counter increment per edit and the
cache simply refills. See docs/benchmarks.md for the trade-off.
The signal handlers that bump it are in home.pagecache.signal_handlers, connected by
HomeConfig.ready() in every process.

Each lookup is a single `get_many` round trip (generation and entry together). The counter is
bumped at once and again when the transaction commits, so a request rendering the old content
in between cannot store it under the new generation.

Responses carry `Cache-Control: public, max-age=PORTAL_PAGE_CACHE_BROWSER_MAX_AGE,
s-maxage=PORTAL_PAGE_CACHE_CDN_MAX_AGE` when cacheable and `private, no-cache` otherwise, so a
CDN may hold public pages; when WAGTAILFRONTENDCACHE is configured (see the settings) a publish
also purges the changed page, its ancestors (index pages, home) and the sitemaps from the CDN.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractRendition
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.snippets.models import get_snippet_models

from home.pages.request_memo import memo, prime

logger = logging.getLogger("portal.caching")

GENERATION_KEY = "portal:pagecache:generation"
ENTRY_PREFIX = "portal:pagecache:page:"
HIT_HEADER = "X-Page-Cache"
# Headers of a stored response that must not be replayed to another visitor.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache", "date"}
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
GENERATION_MEMO = "content generation"  # the request memo's key for the generation it read


def _setting(name, default):
    return getattr(settings, name, default)


def page_cache():
    return caches[_setting("PORTAL_PAGE_CACHE_ALIAS", "default")]


# Generation ------------------------------------------------------------------------------


def _new_generation():
    # Time-based, so that a counter lost from the cache (evicted, flushed) restarts at a value
    # no stored entry can carry.
    return time.time_ns()


def current_generation(cache=None):
    cache = cache or page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation():
    """Make every cached page stale (now, and again when the transaction commits)."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump():
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or the cache is down: then nothing is served from it)
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)


DATA_PREFIX = "portal:data:"
_MISSING = object()


def remember(key, compute, timeout=24 * 3600):
    """compute(), kept in the shared cache until anything visitors can see changes (the page
    cache's generation, bumped by the same signals): for figures a listing aggregates over a
    whole section (counts, archive years, tag lists), whose cost grows with the section while
    the page around them costs a fixed number of queries. Works with the page cache off too."""
    cache = page_cache()
    full_key = f"{DATA_PREFIX}{current_generation(cache)}:{key}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(full_key, value, timeout)
    return value


def remember_in_process(request, key, compute):
    """compute(), kept in this process's memory until anything visitors can see changes.

    For the little that every page shows and that changes only when content does: the site
    serving the request, the menu, the funding statement. Each request reads the shared
    generation once (one cache round trip) instead of querying and rebuilding these each time;
    a change anywhere, on any server, bumps the generation, and the next request recomputes.
    The values are shared between requests: treat them as read-only. Without a generation
    (the cache unreachable) nothing is kept."""
    value = recall_in_process(request, key, _MISSING)
    if value is _MISSING:
        value = compute()
        keep_in_process(request, key, value)
    return value


def recall_in_process(request, key, default=None):
    """What keep_in_process() kept under `key` in this content generation, else `default`."""
    generation = memo(request, GENERATION_MEMO, current_generation)
    found = _in_process.get(key)
    if found is None or generation is None or found[0] != generation:
        return default
    if time.monotonic() > found[1]:
        return default
    return found[2]


def keep_in_process(request, key, value):
    generation = memo(request, GENERATION_MEMO, current_generation)
    if generation is None:
        return
    if len(_in_process) >= IN_PROCESS_LIMIT:  # hosts come from requests: keep it bounded
        _in_process.clear()
    # A change made behind the application's back (SQL by hand) bumps nothing: it is seen
    # after IN_PROCESS_TIMEOUT at the latest.
    _in_process[key] = (generation, time.monotonic() + IN_PROCESS_TIMEOUT, value)


_in_process = {}
IN_PROCESS_LIMIT = 512
IN_PROCESS_TIMEOUT = 300  # seconds


# Request and response tests -------------------------------------------------------------


def request_is_cacheable(request):
    """May this request be answered from, or stored in, the page cache?"""
    if not _setting("PORTAL_PAGE_CACHE_ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    for cookie in _bypass_cookies():
        if cookie in request.COOKIES:
            return False
    if len(request.META.get("QUERY_STRING", "")) > _setting("PORTAL_PAGE_CACHE_MAX_QUERY", 200):
        return False
    path = request.path_info
    return not any(path.startswith(prefix) for prefix in _excluded_prefixes())


def _bypass_cookies():
    return [
        settings.SESSION_COOKIE_NAME,
        "messages",
        *_setting("PORTAL_PAGE_CACHE_BYPASS_COOKIES", []),
    ]


def _excluded_prefixes():
    return ["/admin/", "/documents/", "/health/", *_setting("PORTAL_PAGE_CACHE_EXCLUDED_PATHS", [])]


def view_is_cacheable(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return match.url_name in _setting(
        "PORTAL_PAGE_CACHE_URL_NAMES",
        ("wagtail_serve", "sitemap", "sitemap_section", "robots_txt"),
    )


def response_is_cacheable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(response, "portal_no_page_cache", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)


def cache_key(request):
    language = translation.get_language_from_request(request, check_path=True)
    raw = f"{request.get_host()}|{language}|{request.get_full_path()}"
    return ENTRY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


# Middleware -------------------------------------------------------------------------------


def public_cache_control():
    return "public, max-age={}, s-maxage={}".format(
        _setting("PORTAL_PAGE_CACHE_BROWSER_MAX_AGE", 60),
        _setting("PORTAL_PAGE_CACHE_CDN_MAX_AGE", 300),
    )


class AnonymousPageCacheMiddleware:
    """Serves and stores anonymous page responses (see the module docstring).

    Placed after WhiteNoise (static files never reach it) and before the session middleware,
    so that a hit costs no session, authentication or database work at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable_request = request_is_cacheable(request)
        key = generation = None
        if cacheable_request:
            key = cache_key(request)
            cached, generation = self._lookup(key)
            if cached is not None:
                return cached
            prime(request, GENERATION_MEMO, generation)  # read once per request
        response = self.get_response(request)
        if cacheable_request and view_is_cacheable(request) and response_is_cacheable(response):
            response["Cache-Control"] = public_cache_control()
            if request.method == "GET":
                self._store(key, response, generation)
            response[HIT_HEADER] = "miss"
        elif not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-cache"
        return response

    def _lookup(self, key):
        """(response or None, the generation current before rendering)."""
        cache = page_cache()
        found = cache.get_many([GENERATION_KEY, key])
        entry = found.get(key)
        generation = found.get(GENERATION_KEY)
        if generation is None:
            return None, current_generation(cache)
        if entry is None or entry[0] != generation:
            return None, generation
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[HIT_HEADER] = "hit"
        return response, generation

    def _store(self, key, response, generation):
        """Stored under the generation read *before* rendering: if content changed while this
        response was being rendered, the entry is already stale."""
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        cache = page_cache()
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ]
        entry = (generation, response.status_code, headers, response.content)
        cache.set(key, entry, timeout=_setting("PORTAL_PAGE_CACHE_TIMEOUT", 600))


# Invalidation -----------------------------------------------------------------------------

_affects_cache = {}


def model_affects_pages(model):
    """Does saving or deleting an instance of `model` change what visitors see?"""
    if model not in _affects_cache:
        _affects_cache[model] = _compute_affects(model)
    return _affects_cache[model]


def _compute_affects(model):
    if issubclass(model, Page | BaseViewRestriction):  # privacy is set without a page save
        return True
    if model in (Site, Locale, get_image_model(), get_document_model()):
        return True
    if issubclass(model, BaseSiteSetting | BaseGenericSetting):
        return True
    if model in get_snippet_models():
        return True
    # Models of the portal's own apps (categories, partner data, link check results...),
    # except image renditions, which are created while pages render.
    if issubclass(model, AbstractRendition):
        return False
    # Records visitors never see on a page (subscribers, deliveries) say so.
    if getattr(model, "page_cache_ignores", False):
        return False
    return model._meta.app_label in _setting(
        "PORTAL_PAGE_CACHE_CONTENT_APPS", ("home", "news", "training", "partners")
    )


def is_setting(model):
    return issubclass(model, BaseSiteSetting | BaseGenericSetting)


# CDN purge --------------------------------------------------------------------------------


# Wagtail hook: functions taking the changed page and returning more URLs to purge with it.
PURGE_URLS_HOOK = "portal_frontend_cache_purge_urls"


def frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def urls_for_url_path(url_path, language_code):
    """The full URLs a page with this url_path had on each site (for a moved page's old URL)."""
    urls = []
    for site in Site.objects.select_related("root_page"):
        root_path = site.root_page.url_path
        if not url_path.startswith(root_path):
            continue
        with translation.override(language_code):
            path = reverse("wagtail_serve", args=(url_path[len(root_path) :],))
        urls.append(site.root_url.rstrip("/") + path)
    return urls


def purge_frontend_cache(page, extra_urls=(), extra_pages=()):
    """Purge the page, its ancestors below the tree root (index pages, the home page) and the
    sitemaps from the configured front-end caches (CDN). Pages elsewhere that mention it
    (related articles, say) expire within s-maxage."""
    if not frontend_cache_configured():
        return
    try:
        batch = PurgeBatch()
        batch.add_page(page)
        # Its translations list it in their language switcher.
        batch.add_pages(page.get_translations().live().specific(defer=True))
        for origin in [page, *[p for p in extra_pages if p is not None]]:
            batch.add_pages(
                origin.get_ancestors(inclusive=origin is not page)
                .filter(depth__gt=1)
                .specific(defer=True)
            )
        # What other parts of the site derive from every page (the sitemaps, see
        # home.seo.hooks), from the functions registered for this hook.
        for urls_for in hooks.get_hooks(PURGE_URLS_HOOK):
            batch.add_urls(urls_for(page))
        batch.add_urls(extra_urls)
        batch.purge()
    except Exception:  # a CDN outage must never break publishing
        logger.exception("Front-end cache purge failed for page %s", page.pk)
