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

What the public may see (`private_q()`, `public()`) and the per-request memo the route primes
are in home.pages (visibility, request_memo); the site lookup kept in the process is in
home.pagecache.layout.
"""

from django.conf import settings
from django.db.models import Exists, Q
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from home.pagecache.layout import site_for_request
from home.pages.request_memo import memo, prime
from home.pages.visibility import RESTRICTED, read_restricted_paths


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
    restricted = memo(request, RESTRICTED, read_restricted_paths)

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
