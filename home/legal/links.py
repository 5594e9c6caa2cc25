"""The legal pages of the request's site in the active language (home.legal.models.LegalPages),
kept in the process until content changes, like the rest of the layout."""

from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page

from home.caching import remember_in_process
from home.routing import memo, public, site_for_request

from .models import LegalPages

# (setting field, key used by templates), in the order the footer shows them.
FIELDS = ("privacy_notice", "legal_notice", "accessibility_statement")


class LegalLink:
    def __init__(self, key, page, request):
        self.key = key
        self.title = page.title
        self.url = page.get_url(request)
        self.language_code = page.locale.language_code
        self.page_id = page.pk
        self.revision_id = page.live_revision_id


def legal_links(request):
    """{field name: LegalLink} for the chosen legal pages that are live and public, each in the
    active language when translated, else as chosen. Two queries when not already known."""
    site = site_for_request(request)
    if site is None:
        return {}
    active = memo(request, ("locale", translation.get_language()), Locale.get_active)

    def compute():
        chosen = LegalPages.objects.filter(site=site).values(*[f"{f}_id" for f in FIELDS]).first()
        if not chosen:
            return {}
        ids = {field: chosen[f"{field}_id"] for field in FIELDS if chosen[f"{field}_id"]}
        if not ids:
            return {}
        keys = Page.objects.filter(pk__in=ids.values()).values("translation_key")
        rows = list(
            public(
                Page.objects.live().filter(Q(translation_key__in=keys), alias_of__isnull=True)
            ).select_related("locale")
        )
        found = {}
        for field, page_id in ids.items():
            source = next((row for row in rows if row.pk == page_id), None)
            if source is None:
                continue  # the chosen page is not live or not public
            translated = next(
                (
                    row
                    for row in rows
                    if row.translation_key == source.translation_key and row.locale_id == active.pk
                ),
                source,
            )
            found[field] = LegalLink(field, translated, request)
        return found

    return remember_in_process(request, ("legal pages", site.pk, active.pk), compute)


def privacy_notice(request):
    """The privacy notice's LegalLink in the active language, or None."""
    return legal_links(request).get("privacy_notice")
