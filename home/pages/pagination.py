"""Pagination of the public lists (news, partners, projects) with one rule for bad input.

`?page=` must be a positive whole number naming an existing page: anything else (`abc`, `0`,
`-1`, `1.5`, a page past the end, five thousand digits) is a 404, never a 500 and never a
silently different page, so that a crawler following a stale link learns it is gone. An empty
list still has its page 1. The template side is `components/_pagination.html`, whose links
keep the other query parameters (the filters) through `{% querystring %}`."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def page_number(request, name="page"):
    """The requested page number: a positive integer, or 404."""
    raw = request.GET.get(name) or "1"
    try:
        number = int(raw)
    except (TypeError, ValueError):  # ValueError too for integers of more than 4,300 digits
        raise Http404(_("Invalid page number.")) from None
    if number < 1:
        raise Http404(_("Invalid page number."))
    return number


def paginate(request, object_list, per_page, name="page", count=None):
    """The requested page of `object_list` (a Django Page: `page_obj`), or 404.

    Two queries for a queryset: its count and the page's slice; one when the caller already
    knows the count."""
    paginator = Paginator(object_list, max(1, int(per_page)))
    if count is not None:
        paginator.count = count  # a cached_property: the known count replaces its query
    try:
        return paginator.page(page_number(request, name))
    except InvalidPage:
        raise Http404(_("No such page.")) from None
