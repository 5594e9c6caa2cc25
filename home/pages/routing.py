"""HomePage.route(): the path below the home in a fixed, small number of queries.

Wagtail's serve view (`wagtail_serve`) routes through `Page.route_for_request`: it finds the
site (`Site.find_for_request`), takes the site root in the active language as its specific type
and calls its `route()` with the path's segments; `Page.route()` then fetches each child by slug
and each as its specific type (two queries per segment), and its privacy check reads the page's
ancestors and their view restrictions (two more). HomePage overrides `route()` (documented as
overridable) with `route()` below: one query for every page under the home whose slug and depth
match a segment, each flagged when a view restriction exists, then the page found as its
specific type: two queries whatever the depth. Wagtail's serve view then runs the
`before_serve_page` hooks, privacy checks, `serve()` and `RoutablePageMixin` sub-routes
unchanged.

It falls back to Wagtail's `Page.route()` (CannotRoute), or hands over to a page's own
`route()`, for anything it does not know how to do the same way: the home itself, a page type
that overrides `route()` (a `RoutablePageMixin` page whose sub-route matches the rest of the path
is handed the rest of the path, as Wagtail would), a page type whose model is gone. Drafts are
404s (as with Wagtail, a draft section still leads to its live children), and a page in a
private section, or under an alias, gets Wagtail's full view restriction check.

What the public may see (`private_q()`, `public()`) and the per-request memo the route primes
are in home.pages (visibility, request_memo).
"""

from django.db.models import Exists, Q
from django.http import Http404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

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
    if not i:
        return page  # the home, already as its type
    cls = page.specific_class
    related = getattr(cls, "serve_select_related", ())
    queryset = cls._meta.default_manager.all()
    if related:  # (select_related() without names would join every foreign key)
        queryset = queryset.select_related(*related)
    specific = queryset.get(pk=page.pk)
    specific.locale = page.locale
    private = any(page.path.startswith(path) for path in restricted)
    if not private and not any(p.alias_of_id for p in chain[: i + 1]):
        # Neither the page nor any ancestor is restricted, and no alias
        # makes another page's restrictions apply: nothing for Wagtail's privacy check to read.
        specific.portal_view_restrictions = PageViewRestriction.objects.none()
    return specific


def _prime_home(home, request):
    """The layout asks for the active language's home and Locale: when the home routed to is
    that language's, it is both."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return
    if home.locale.language_code == code:
        prime(request, ("locale", translation.get_language()), home.locale)
        if home.alias_of_id is None and home.live:
            prime(request, "site_root", home)


def route(home, request, components):
    """What `Page.route(request, components)` answers for `home` (the site's root in the active
    language, as Wagtail's `Page.route_for_request` hands it to HomePage.route()), in one query
    for the pages along the path and one for the page found as its type. Raises Http404 where
    Wagtail would, CannotRoute where it would do something this does not."""
    _prime_home(home, request)
    if not components:
        raise CannotRoute  # the home itself: Wagtail's route() reads nothing more

    wanted = Q()
    for i, slug in enumerate(components):
        wanted |= Q(depth=home.depth + 1 + i, slug=slug)
    rows = list(
        Page.objects.filter(wanted, path__startswith=home.path)
        .select_related("locale")
        .annotate(portal_any_restriction=Exists(PageViewRestriction.objects.all()))
        .order_by()
    )

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
        if i:
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
