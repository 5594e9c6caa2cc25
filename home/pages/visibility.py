"""What the public may see of the page tree, read once per request.

`private_q()` is used by `BasePage.objects.public()` and the layout: Wagtail's `public()` reads
every view restriction on each call (a query each time); this reads them once per request, and
not at all when the route query saw there are none (most sites), in which case public() adds no
condition; outside a request it is a subquery."""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction

from home.pages.request_memo import current_memo, memo

RESTRICTED = "restricted paths"  # memo key: the paths of the pages with a view restriction


def _private_sql_q():
    return Q(
        Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))
    )


def private_q():
    """Pages in a private section: a view restriction on the page or one of its ancestors
    (what Wagtail's `PageQuerySet.private_q()` matches). During a request, from the request's
    one reading of the restricted sections (none, on most sites: no condition at all);
    outside one, as a subquery."""
    cache = current_memo()
    if cache is None:
        return _private_sql_q()
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def restricted_paths():
    """The paths of the private sections (pages with a view restriction), read once per
    request (none, on most sites: the route query says so), or now outside a request."""
    cache = current_memo()
    if cache is not None and RESTRICTED in cache:
        return cache[RESTRICTED]
    paths = read_restricted_paths()
    if cache is not None:
        cache[RESTRICTED] = paths
    return paths


def read_restricted_paths():
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(queryset):
    """queryset.public() without a query of its own (on most requests)."""
    return queryset.exclude(private_q())


def public_for_search(request, queryset):
    """queryset.public() in a form search backends accept (they take filters on indexed
    fields such as `path`, not subqueries): the restricted sections read once per request."""
    paths = memo(request, RESTRICTED, read_restricted_paths)
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted) if restricted else queryset
