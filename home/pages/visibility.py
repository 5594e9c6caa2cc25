"""What the public may not see of the page tree: the private sections, read once per request.

`PortalPageQuerySet.public()` (home.pages.models, the one definition of what the public may
see) excludes `private_q()`: Wagtail's condition (a view restriction, of any kind, on the page
or one of its ancestors) built from the paths of the restricted pages. Wagtail's own
`PageQuerySet.private_q()` reads every restriction on each call; this reads them once per
request (none, on most sites: the route's query says so) and now outside a request. The
condition is on `path` only, which search backends accept as a filter."""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from home.pages.request_memo import current_memo

RESTRICTED = "restricted paths"  # memo key: the paths of the pages with a view restriction


def private_q():
    """Pages in a private section: a view restriction on the page or one of its ancestors
    (what Wagtail's `PageQuerySet.private_q()` matches)."""
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
