"""Anonymous page cache: whole responses of public pages kept in the shared cache.

What is cached: GET (and HEAD, answered from the GET entry) responses of Wagtail pages (their
routable sub-pages too: news archives, filters and feeds), the sitemap and robots.txt, for
visitors without a session cookie (a request without one cannot be logged in, previewing or
holding a page password), status 200, no cookie set by the response and no `Cache-Control:
private/no-cache/no-store` from the view. Search results, the admin, documents, the health
endpoint, redirects, errors and anything that sets a cookie (a form with a CSRF token, say)
are never cached.

The key is the host, the path, the language and the query parameters that the view declares
(a page type's `cache_query_params`, PORTAL_PAGE_CACHE_QUERY_PARAMS for the sitemaps); other
parameters are left out of the key, and a response to a request carrying any is not stored, so
`?x=1..100000` fills nothing. The value is the response (status, headers, body) together with
the cache *generation* it was rendered in.

Invalidation: one site-wide generation, bumped whenever content that visitors can see changes
(a page published, unpublished, moved or deleted; a view restriction; a snippet such as the
funding statement or a news category; site settings; images, documents, sites and locales),
and not by draft saves, revisions, locks or internal bookkeeping rows. Entries of an older
generation are misses, and are overwritten in place. A page's output depends on much more
than the page itself (the home page lists the latest news, every page shows the menu, the
language switcher and the funding statement, index pages and feeds list their children, related
articles point at siblings), so working out the exact set of URLs to purge per change is error
prone; a site-wide generation is always correct, costs one counter increment per edit and the
cache simply refills. See docs/benchmarks.md for the trade-off.
The signal handlers that bump it are in home.pagecache.signal_handlers, connected by
HomeConfig.ready() in every process.

The generation itself is a database row (ContentGeneration), bumped when the transaction
commits; the cache holds a copy, which each lookup reads with the entry in a single `get_many`
round trip. Inside a transaction the copy is at once replaced by a value no entry carries, so a
request rendering the old content before the commit cannot store it as fresh. Because the
database is authoritative, a change made while the cache is unreachable is not lost: the copy is
re-synced by a process that sees the cache come back or reconnects to it, and every minute by
the scheduler's `sync_page_cache` job. Production refuses to run the page cache on a cache kept
in each process's memory (PORTAL_PAGE_CACHE_REQUIRE_SHARED).

Responses carry `Cache-Control: public, max-age=PORTAL_PAGE_CACHE_BROWSER_MAX_AGE,
s-maxage=PORTAL_PAGE_CACHE_CDN_MAX_AGE` when cacheable and `private, no-cache` otherwise, so a
CDN may hold public pages; when WAGTAILFRONTENDCACHE is configured (see the settings) a publish
also purges the changed page, its ancestors (index pages, home) and the sitemaps from the CDN.
"""

import hashlib
import logging
import secrets
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractRendition
from wagtail.models import (
    BaseViewRestriction,
    DraftStateMixin,
    Locale,
    Page,
    Site,
    get_page_models,
)
from wagtail.snippets.models import get_snippet_models

from home.pagecache.models import ContentGeneration
from home.pagecache.watch import watcher_for
from home.pages.request_memo import memo, prime

logger = logging.getLogger("portal.caching")

GENERATION_KEY = "portal:pagecache:generation"
ENTRY_PREFIX = "portal:pagecache:page:"
HIT_HEADER = "X-Page-Cache"
# Headers of a stored response that must not be replayed to another visitor.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache", "date"}
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
# An entry: (generation, status, headers, body, expiry as a Unix time).
ENTRY_FIELDS = 5
GENERATION_MEMO = "content generation"  # the request memo's key for the generation it read


def _setting(name, default):
    return getattr(settings, name, default)


def page_cache():
    return caches[_setting("PORTAL_PAGE_CACHE_ALIAS", "default")]


# Backends that keep their data in each process: a generation bumped in one worker would not
# reach the others.
PER_PROCESS_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def unshared_cache_problem():
    """Why the page cache may not start here (a message naming the settings), or None: with
    PORTAL_PAGE_CACHE_REQUIRE_SHARED (production), the page cache needs a cache that every
    process shares."""
    if not _setting("PORTAL_PAGE_CACHE_ENABLED", True):
        return None
    if not _setting("PORTAL_PAGE_CACHE_REQUIRE_SHARED", False):
        return None
    alias = _setting("PORTAL_PAGE_CACHE_ALIAS", "default")
    backend = settings.CACHES[alias]["BACKEND"]
    if backend not in PER_PROCESS_BACKENDS:
        return None
    return (
        f"The page cache (PORTAL_PAGE_CACHE_ENABLED) needs a cache shared by every process, "
        f"but CACHES[{alias!r}] is {backend}, kept in each process's memory: a publish would "
        "reach one worker while the others kept serving the old page. Set the environment "
        "variable CACHE_URL (Redis), or PAGE_CACHE=off to run without the page cache."
    )


# Generation ------------------------------------------------------------------------------
#
# The authoritative generation is a row in the database (ContentGeneration), bumped with an F()
# update after each committed change; the cache holds a copy, which the hit path reads
# together with the entry (one round trip). The copy is set after every bump, re-read from the
# database whenever it is missing, re-synced by a process that sees the cache come back after
# an error (HomeConfig.ready() connects resync_after_outage to the resilient cache's
# `cache_recovered` signal) and by the scheduler's `sync_page_cache` job, so that a change
# made while the cache was unreachable is not lost when it returns with its old data.


def first_generation():
    """The value a new generation row starts at: random, so that no entry stored before it
    (in a cache that outlived the database, or by another connection that could not see this
    row yet) can carry it, whatever the clock says."""
    return secrets.randbits(62)


def stored_generation():
    """The database's generation (its row is created on first use)."""
    value = ContentGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
    if value is None:
        row, _created = ContentGeneration.objects.get_or_create(
            pk=1, defaults={"value": first_generation()}
        )
        value = row.value
    return value


def current_generation(cache=None):
    """The generation pages are stored under: this process's copy, followed through a Redis
    subscription (home.pagecache.watch), else the cache's, else the database's."""
    cache = cache or page_cache()
    watcher = generation_watcher(cache)
    if watcher is not None and (generation := watcher.current()) is not None:
        return generation
    return read_generation(cache)


def read_generation(cache):
    """The cache's copy of the generation, else the database's (then also put in the cache)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = stored_generation()
        cache.add(GENERATION_KEY, generation, timeout=None)
    return generation


def write_generation(cache, value):
    """Put `value` in the cache's copy: with Redis, set and published to every process's
    watcher in one step; when that cannot be done just now, set as any cache value (each
    watcher also re-reads the generation after losing its subscription and periodically)."""
    watcher = generation_watcher(cache)
    if watcher is None or not watcher.write(value):
        cache.set(GENERATION_KEY, value, timeout=None)


def generation_watcher(cache):
    return watcher_for(
        cache, _setting("PORTAL_PAGE_CACHE_ALIAS", "default"), GENERATION_KEY, read_generation
    )


def sync_generation(cache=None):
    """Copy the database's generation into the cache; returns (before, after)."""
    cache = cache or page_cache()
    before = cache.get(GENERATION_KEY)
    generation = stored_generation()
    if before != generation:
        write_generation(cache, generation)
    return before, generation


def resync_after_outage(sender=None, **kwargs):
    """The cache answers again after an error in this process: while it was unreachable a
    change may have bumped only the database, so take the database's generation."""
    try:
        sync_generation()
    except Exception:  # the database may be down too: the scheduler's job re-syncs later
        logger.exception("Could not re-sync the page cache generation")


def bump_generation():
    """Make every cached page stale. In a transaction the cache's copy is replaced at once by a
    value no entry carries (pages rendered before the commit are stale), and the database's
    generation is bumped when the transaction commits (a rollback bumps nothing)."""
    if migrating["now"]:  # the table may not exist yet; bumped once migrate has finished
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        # Negative, so never a database value; random, so never one used before (whatever
        # the clock says).
        write_generation(page_cache(), -1 - secrets.randbits(62))
        transaction.on_commit(_once_per_commit(_commit_bump))
    else:
        _commit_bump()


def _commit_bump():
    if not ContentGeneration.objects.filter(pk=1).update(value=F("value") + 1):
        _row, created = ContentGeneration.objects.get_or_create(
            pk=1, defaults={"value": first_generation()}
        )
        if not created:
            ContentGeneration.objects.filter(pk=1).update(value=F("value") + 1)
    write_generation(page_cache(), stored_generation())


# Set by the pre_migrate/post_migrate handlers (home.pagecache.signal_handlers).
migrating = {"now": False}
_tickets = threading.local()


def _once_per_commit(function):
    """`function` wrapped for transaction.on_commit() so that, of the callbacks one commit
    runs for it, only the first does the work (a publish saves many rows)."""
    name = function.__name__
    issued = getattr(_tickets, name, 0) + 1
    setattr(_tickets, name, issued)

    def callback():
        if issued <= getattr(_tickets, f"{name}_done", 0):
            return  # an earlier callback of this commit already ran it
        setattr(_tickets, f"{name}_done", getattr(_tickets, name))
        function()

    return callback


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


# Query parameters: each cacheable view declares those it reads (a page type's
# `cache_query_params`; PORTAL_PAGE_CACHE_QUERY_PARAMS by URL name for the other views). The
# key holds only declared parameters, in a normal order, so that `?utm_source=...` is served
# the entry of the plain URL; a response is stored only when the request had no parameter that
# its view does not declare, so `?x=1..100000` adds no entries.
QUERY_PARAMS_ATTRIBUTE = "cache_query_params"
DEFAULT_VIEW_QUERY_PARAMS = {"sitemap": ("p",), "sitemap_section": ("p",)}
_known_params = {}


def view_query_params():
    return _setting("PORTAL_PAGE_CACHE_QUERY_PARAMS", DEFAULT_VIEW_QUERY_PARAMS)


def known_query_params():
    """Every query parameter that some cacheable view declares."""
    views = view_query_params()
    key = tuple(sorted((name, tuple(params)) for name, params in views.items()))
    if key not in _known_params:
        names = set()
        for model in get_page_models():
            names.update(getattr(model, QUERY_PARAMS_ATTRIBUTE, ()))
        for params in views.values():
            names.update(params)
        _known_params.clear()
        _known_params[key] = frozenset(names)
    return _known_params[key]


def note_page_query_params(request, page):
    """Called as the page is served (home.pagecache.hooks): the parameters it declares."""
    request.portal_cache_query_params = frozenset(getattr(page, QUERY_PARAMS_ATTRIBUTE, ()))


def query_is_declared(request):
    """Does the view that answered `request` declare every parameter of its query string?"""
    if not request.META.get("QUERY_STRING"):
        return True
    declared = getattr(request, "portal_cache_query_params", None)
    if declared is None:
        match = getattr(request, "resolver_match", None)
        declared = view_query_params().get(match.url_name if match else None, ())
    return set(request.GET) <= set(declared)


def cache_key(request):
    language = translation.get_language_from_request(request, check_path=True)
    query = ""
    if request.META.get("QUERY_STRING"):
        known = known_query_params()
        query = urlencode(
            sorted(
                (name, value)
                for name, values in request.GET.lists()
                if name in known
                for value in values
            )
        )
    raw = f"{request.get_host()}|{language}|{request.path}?{query}"
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
        if problem := unshared_cache_problem():
            raise ImproperlyConfigured(problem)  # the worker does not start
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
            if request.method == "GET" and query_is_declared(request):
                self._store(key, response, generation)
            response[HIT_HEADER] = "miss"
        elif not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-cache"
        return response

    def _lookup(self, key):
        """(response or None, the generation current before rendering). With a watcher that
        vouches for the generation, an entry this process already holds costs no round trip;
        otherwise the generation and the entry are read together."""
        cache = page_cache()
        watcher = generation_watcher(cache)
        generation = watcher.current() if watcher is not None else None
        if generation is not None:
            entry = watcher.recall(key, generation)
            if entry is None:
                entry = cache.get(key)
                if entry is not None and len(entry) == ENTRY_FIELDS and entry[0] == generation:
                    watcher.keep(key, entry)
        else:
            found = cache.get_many([GENERATION_KEY, key])
            entry = found.get(key)
            generation = found.get(GENERATION_KEY)
            if generation is None:
                return None, current_generation(cache)
        if entry is None or entry[0] != generation or len(entry) != ENTRY_FIELDS:
            return None, generation
        _generation, status, headers, content, _expires = entry
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
        timeout = _setting("PORTAL_PAGE_CACHE_TIMEOUT", 600)
        entry = (generation, response.status_code, headers, response.content, time.time() + timeout)
        cache.set(key, entry, timeout=timeout)
        watcher = generation_watcher(cache)
        if watcher is not None and watcher.vouches_for(generation):
            watcher.keep(key, entry)


# Invalidation -----------------------------------------------------------------------------
#
# Only what visitors can see moves the generation: publishing, unpublishing, moving and
# deleting pages, privacy (view restrictions), snippets, settings, images, documents, sites and
# locales, and the rows of the portal's own apps that pages show. Draft saves, revisions,
# locks, scheduled (not yet live) publishing, and the internal bookkeeping rows named in
# PORTAL_PAGE_CACHE_INTERNAL_MODELS (the scheduler's jobs, link-check results...) do not.

# Fields that Wagtail saves on a live page or snippet without changing what visitors see:
# a draft saved as a revision, the comments on it, a lock.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)
INTERNAL_MODELS = ("home.ContentGeneration", "home.ScheduledJob")

_affects_cache = {}


def model_affects_pages(model):
    """Can saving or deleting an instance of `model` change what visitors see?"""
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
    # Image renditions are created while pages render.
    if issubclass(model, AbstractRendition):
        return False
    # Records visitors never see on a page (subscribers, deliveries) say so.
    if getattr(model, "page_cache_ignores", False):
        return False
    internal = {*INTERNAL_MODELS, *_setting("PORTAL_PAGE_CACHE_INTERNAL_MODELS", ())}
    if model._meta.label in internal:
        return False
    # Models of the portal's own apps (categories, partner data, a page's inline rows...).
    return model._meta.app_label in _setting(
        "PORTAL_PAGE_CACHE_CONTENT_APPS", ("home", "news", "training", "partners")
    )


def is_site_wide(model):
    """A change to `model` may show on any page (the layout, a snippet, an image)."""
    return (
        model in (Site, Locale, get_image_model(), get_document_model())
        or is_setting(model)
        or model in get_snippet_models()
    )


def save_is_visible(model, instance, created=False, update_fields=None):
    """Does this save of `instance` change what visitors see?"""
    if not model_affects_pages(model):
        return False
    if isinstance(instance, DraftStateMixin):
        if not instance.live:  # a draft, or just unpublished (page_unpublished says so)
            return False
        if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
            return False  # a revision saved as a draft, a lock
    if created and (is_setting(model) or model in (get_image_model(), get_document_model())):
        # A settings row of defaults created while a page renders, an upload that no page
        # uses yet: nothing visitors see has changed.
        return False
    parent = draft_parent(instance)
    return parent is None or parent.live


def draft_parent(instance):
    """The page (or snippet) that `instance` is an inline row of, when it has a draft state."""
    for field in instance._meta.get_fields():
        if isinstance(field, ParentalKey):
            try:
                parent = getattr(instance, field.name, None)
            except ObjectDoesNotExist:  # deleted with it
                return None
            if isinstance(parent, DraftStateMixin):
                return parent
    return None


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


def purge_frontend_cache(page, extra_urls=(), extra_pages=(), descendants=False):
    """Purge the page, its ancestors below the tree root (index pages, the home page) and the
    sitemaps from the configured front-end caches (CDN), with its live descendants too when
    `descendants` (a section made private). The URLs are worked out now (a deleted page still
    has them) and purged when the transaction commits. Pages elsewhere that mention it
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
        if descendants:
            batch.add_pages(page.get_descendants().live().specific(defer=True))
        # What other parts of the site derive from every page (the sitemaps, see
        # home.seo.hooks), from the functions registered for this hook.
        for urls_for in hooks.get_hooks(PURGE_URLS_HOOK):
            batch.add_urls(urls_for(page))
        batch.add_urls(extra_urls)
    except Exception:  # a CDN outage must never break publishing
        logger.exception("Front-end cache purge failed for page %s", page.pk)
        return
    transaction.on_commit(lambda: _purge(batch, f"page {page.pk}"))


def purge_whole_site():
    """Purge every live page from the configured front-end caches when the transaction
    commits: for changes that any page may show (a snippet such as the funding statement,
    settings, an image or document, a site, a locale)."""
    if not frontend_cache_configured():
        return
    transaction.on_commit(_once_per_commit(_purge_whole_site))


def _purge_whole_site():
    try:
        batch = PurgeBatch()
        pages = Page.objects.live().filter(depth__gt=1).specific(defer=True)
        batch.add_pages(pages.iterator(chunk_size=500))
        root = Page.get_first_root_node()
        for urls_for in hooks.get_hooks(PURGE_URLS_HOOK):
            batch.add_urls(urls_for(root))
    except Exception:
        logger.exception("Front-end cache purge of the whole site failed")
        return
    _purge(batch, "the whole site")


def _purge(batch, what):
    try:
        batch.purge()
    except Exception:  # a CDN outage must never break publishing
        logger.exception("Front-end cache purge failed for %s", what)
