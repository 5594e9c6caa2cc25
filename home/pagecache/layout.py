"""What every page's layout reads: the site serving the request (Wagtail's lookup), the site's
funding statement, kept in the process until the content generation moves
(home.pagecache.cache.remember_in_process), and the active locale, read once per request."""

from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Site

from home.pagecache.cache import remember_in_process
from home.pages.models import FundingStatement, SiteSettings
from home.pages.request_memo import memo


def site_for_request(request):
    """The site serving the request: Wagtail's `Site.find_for_request` (one query per request,
    which Wagtail keeps on the request for its own routing too)."""
    return Site.find_for_request(request)


def active_locale(request):
    """The active language's Locale, once per request (primed by home.pages.routing when it
    routed to the home)."""
    return memo(request, ("locale", translation.get_language()), Locale.get_active)


def site_funding_statement(request):
    """The site's funding statement in the active language (the source one if untranslated),
    kept in the process until content changes."""

    site = site_for_request(request)
    if site is None:
        return None
    active = active_locale(request)

    def compute():
        # One query: every translation of the statement chosen in the site's settings, then
        # the active language's one, or the chosen one when it is not translated.
        chosen = SiteSettings.objects.filter(site=site).values("funding_statement_id")[:1]
        statements = list(
            FundingStatement.objects.filter(
                translation_key__in=FundingStatement.objects.filter(pk__in=chosen).values(
                    "translation_key"
                )
            ).annotate(is_chosen=Q(pk__in=chosen))
        )
        for statement in statements:
            if statement.locale_id == active.id:
                return statement
        return next((statement for statement in statements if statement.is_chosen), None)

    return remember_in_process(request, ("funding", site.pk, active.pk), compute)
