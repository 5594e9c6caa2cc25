"""Serving pages at a fixed, small number of queries.

Wagtail routes a URL one segment at a time: for `/en/news/some-article/` it fetches the site
root as its specific type, then each child by slug and each as its specific type (two queries per
segment), and its privacy check reads the page's ancestors and then their view restrictions (two
more). `serve` below resolves the whole path in one query instead (the active language's home
and every page whose slug and depth match a segment, each flagged when it lies in a private
section), then fetches the page it found as its specific type: two queries whatever the depth.
It then hands over to Wagtail's own `serve` view (the route is cached on the request the way
Wagtail caches it), so the `before_serve_page` hooks, privacy checks, `serve()` and
`RoutablePageMixin` sub-routes run unchanged.

It falls back to Wagtail's routing, or to the page's own `route()`, for anything it does not
know how to do the same way: a page type that overrides `route()` (a `RoutablePageMixin` page
whose sub-route matches the rest of the path is handed the rest of the path, as Wagtail would),
a site root without a translation at its own depth, a page type whose model is gone.
Drafts are 404s (as with Wagtail, a draft section still leads to its live children), and a
page in a private section, or under an alias, gets Wagtail's full view restriction check.

Also here: `private_q()`, used by `BasePage.objects.public()` and the layout: Wagtail's
`public()` reads every view restriction on each call (a query each time); this reads them once
per request, and not at all when the route query saw there are none (most sites), in which case
public() adds no condition; outside a request it is a subquery. And `memo()`, the per-request
memo the layout's template tags share (RequestMemoMiddleware makes it reachable to querysets).
"""

from contextvars import ContextVar

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

# The memo of the request being served, for code that has no request at hand (querysets'
# public()); set by RequestMemoMiddleware for the duration of each request.
_current_memo = ContextVar("portal_request_memo", default=None)
RESTRICTED = "restricted paths"  # memo key: the paths of the pages with a view restriction


def memo(request, key, compute):
    """compute() once per request (the layout asks for the same things in several places)."""
    cache = request.__dict__.setdefault("_portal_memo", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def prime(request, key, value):
    request.__dict__.setdefault("_portal_memo", {}).setdefault(key, value)


class RequestMemoMiddleware:
    """Makes the request's memo reachable from `private_q()` while the request is handled
    (its template rendered too), so that every public() of the request shares one reading of
    the view restrictions, usually none (see `route()`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_memo.set(request.__dict__.setdefault("_portal_memo", {}))
        try:
            return self.get_response(request)
        finally:
            _current_memo.reset(token)


def site_for_request(request):
    """Wagtail's `Site.find_for_request` (a query on every request), kept in the process until
    content changes (sites are content: saving one bumps the generation). It becomes the
    request's site for Wagtail's own calls too."""
    if not hasattr(request, "_wagtail_site"):
        from home.pagecache.cache import remember_in_process

        hostname = split_domain_port(request._get_raw_host())[0]
        key = ("site", hostname, request.get_port())
        request._wagtail_site = remember_in_process(
            request, key, lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def _private_sql_q():
    return Q(
        Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))
    )


def private_q():
    """Pages in a private section: a view restriction on the page or one of its ancestors
    (what Wagtail's `PageQuerySet.private_q()` matches). During a request, from the request's
    one reading of the restricted sections (none, on most sites: no condition at all);
    outside one, as a subquery."""
    cache = _current_memo.get()
    if cache is None:
        return _private_sql_q()
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def restricted_paths():
    """The paths of the private sections (pages with a view restriction), read once per
    request (none, on most sites: the route query says so), or now outside a request."""
    cache = _current_memo.get()
    if cache is not None and RESTRICTED in cache:
        return cache[RESTRICTED]
    paths = _read_restricted_paths()
    if cache is not None:
        cache[RESTRICTED] = paths
    return paths


def _read_restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(queryset):
    """queryset.public() without a query of its own (on most requests)."""
    return queryset.exclude(private_q())


def public_for_search(request, queryset):
    """queryset.public() in a form search backends accept (they take filters on indexed
    fields such as `path`, not subqueries): the restricted sections read once per request."""
    paths = memo(request, RESTRICTED, _read_restricted_paths)
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted) if restricted else queryset


class CannotRoute(Exception):
    """The path is left to Wagtail's own routing."""


def _routes_like_page(cls):
    return cls.route is Page.route


def _is_plain_routable(cls):
    return issubclass(cls, RoutablePageMixin) and cls.route is RoutablePageMixin.route


def _specific(chain, i, restricted):
    """chain[i] as its own type, in one query (with what its type asks to be joined), keeping
    the locale already read and its parent for get_parent()."""
    page = chain[i]
    cls = page.specific_class
    related = getattr(cls, "serve_select_related", ())
    queryset = cls._default_manager.all()
    if related:  # (select_related() without names would join every foreign key)
        queryset = queryset.select_related(*related)
    specific = queryset.get(pk=page.pk)
    specific.locale = page.locale
    if i:
        specific._cached_parent_obj = chain[i - 1]
    private = any(page.path.startswith(path) for path in restricted)
    if not private and not any(p.alias_of_id for p in chain[: i + 1]):
        # Neither the page nor any ancestor is restricted, and no alias
        # makes another page's restrictions apply: nothing for Wagtail's privacy check to read.
        specific._portal_view_restrictions = PageViewRestriction.objects.none()
    return specific


def route(request, path):
    """Wagtail's `Page.route_for_request(request, path)` in two queries. Raises Http404 where
    Wagtail would, CannotRoute where it would do something this does not."""
    site = site_for_request(request)
    if site is None:
        raise CannotRoute
    root = site.root_page
    components = [component for component in path.split("/") if component]
    try:
        code = get_supported_content_language_variant(translation.get_language())
        default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError as e:
        raise CannotRoute from e

    wanted = Q(translation_key=root.translation_key, depth=root.depth)
    for i, slug in enumerate(components):
        wanted |= Q(depth=root.depth + 1 + i, slug=slug)
    rows = list(
        Page.objects.filter(wanted)
        .select_related("locale")
        .annotate(portal_any_restriction=Exists(PageViewRestriction.objects.all()))
        .order_by()
    )

    # The site root in the active language, as `root.localized` finds it: its translation in
    # that language if live, else the root itself.
    homes = {
        row.locale.language_code: row for row in rows if row.translation_key == root.translation_key
    }
    root = next((row for row in rows if row.pk == root.pk), None)
    if root is None:
        raise CannotRoute
    home = homes.get(code)
    if home is None and root.locale.language_code != default_code:
        # Without a home in this language Wagtail looks for one in the default language
        # (when this language has no locale): leave that to Wagtail.
        raise CannotRoute
    if home is None or not home.live:
        home = root
    if home.locale.language_code == code:
        prime(request, ("locale", translation.get_language()), home.locale)
        if home.alias_of_id is None and (home.live or home.pk == root.pk):
            prime(request, "site_root", home)

    if rows and not rows[0].portal_any_restriction:
        prime(request, RESTRICTED, [])  # no private section: public() needs no condition
    restricted = memo(request, RESTRICTED, _read_restricted_paths)

    # The chain of pages along the path: each the child of the previous one with that slug.
    chain = [home]
    for slug in components:
        parent = chain[-1]
        child = next(
            (
                row
                for row in rows
                if row.depth == parent.depth + 1
                and row.slug == slug
                and row.path.startswith(parent.path)
            ),
            None,
        )
        if child is None:
            break
        chain.append(child)

    for i, page in enumerate(chain):
        remaining = components[i:]
        cls = page.specific_class
        if cls is None:
            raise CannotRoute
        if not _routes_like_page(cls):
            if not _is_plain_routable(cls):
                return _specific(chain, i, restricted).route(request, remaining)
            if page.live:
                try:
                    cls.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
                except Http404:
                    pass  # not one of its sub-routes: on to its children, as Wagtail does
                else:
                    return _specific(chain, i, restricted).route(request, remaining)
        if remaining:
            if i + 1 == len(chain):
                raise Http404  # no child with that slug
            continue
        if not page.live:
            raise Http404
        return RouteResult(_specific(chain, i, restricted))
    raise Http404  # pragma: no cover (the loop always returns or raises)


def serve(request, path):
    """Wagtail's `serve` view, the route found by `route()` where it can."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        except CannotRoute:
            pass
    return wagtail_views.serve(request, path)
