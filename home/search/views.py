import logging
import unicodedata

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token
from wagtail.models import Locale, Page

from home.pages.models import every_page
from home.pages.request_memo import memo

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The visitor's query without control characters, collapsed spaces, at most
    MAX_QUERY_LENGTH characters: anything a visitor types is searchable, nothing breaks."""
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def backend_query(query):
    """The query as the search backend gets it: an unbalanced double quote would open a
    phrase that never ends (a syntax error in SQLite's full text search), so drop them all."""
    if query.count('"') % 2:
        query = query.replace('"', " ")
    return query.strip()


def search(request):
    """Search the live, public pages of the active language only."""
    query = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if backend_query(query):
        # The active locale is read once per request (the layout asks for it too). On
        # PostgreSQL the indexes of migration 0004 keep the cost to the number of matches.
        locale = memo(request, ("locale", translation.get_language()), Locale.get_active)
        pages = every_page().visible(locale).specific()
        results = pages.search(backend_query(query), operator="and")
    paginator = Paginator(results, settings.PORTAL_SEARCH_PAGE_SIZE)
    try:
        page_obj = paginator.get_page(request.GET.get("page"))
        object_list = list(page_obj.object_list)
    except DatabaseError:
        # A query the database's text search cannot parse is answered as "no results",
        # never as an error page.
        logger.warning("Search query failed: %r", query, exc_info=True)
        paginator = Paginator([], settings.PORTAL_SEARCH_PAGE_SIZE)
        page_obj = paginator.get_page(1)
        object_list = []
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "page_obj": page_obj, "results": object_list},
    )


def page_not_found(request, exception=None):
    """The translated 404 page, in the language of the URL prefix (or the visitor's)."""
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


@requires_csrf_token
def server_error(request):
    """A translated 500 page that renders without the database, which may be what failed."""
    return HttpResponseServerError(loader.render_to_string("500.html", {}))
