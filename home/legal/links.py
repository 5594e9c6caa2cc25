"""The legal pages of the request's site in the active language (home.legal.models.LegalPages),
kept in the process until content changes, like the rest of the layout.

They are read in the layout's own query for the menu and the language switcher (home.
templatetags.portal_tags._layout_pages, which uses `legal_q`, `legal_marks` and
`links_from_rows`), so that the footer's links cost no query of their own; `legal_links()`
reads them itself (one query) only where the layout has not."""

from django.db.models import Exists, OuterRef, Q
from django.utils import translation
from wagtail.models import Locale, Page

from home.pagecache.cache import remember_in_process
from home.pagecache.layout import site_for_request
from home.pages.models import every_page
from home.pages.request_memo import memo

from .models import LegalPages

# The setting's fields, in the order the footer shows them.
FIELDS = ("privacy_notice", "legal_notice", "accessibility_statement")


class LegalLink:
    """A footer link: what the layout shows of a legal page, kept between requests."""

    def __init__(self, key, page, request):
        self.key = key
        self.title = page.title
        self.url = page.get_url(request)
        self.language_code = page.locale.language_code
        self.page_id = page.pk
        self.revision_id = page.live_revision_id


def cache_key(site, locale):
    return ("legal pages", site.pk, locale.pk)


def legal_q(site):
    """The pages sharing a translation key with a page chosen in `site`'s LegalPages."""
    chosen = LegalPages.objects.filter(site=site)
    ids = Q(pk__in=[])
    for field in FIELDS:
        ids |= Q(pk__in=chosen.values(f"{field}_id"))
    return Q(translation_key__in=Page.objects.filter(ids).values("translation_key")) & Q(
        alias_of__isnull=True
    )


def legal_marks(site):
    """Annotations telling, for each row, which setting it belongs to and whether it is the
    page chosen there."""
    chosen = LegalPages.objects.filter(site=site)
    marks = {}
    for field in FIELDS:
        marks[f"portal_{field}"] = Exists(
            chosen.filter(**{f"{field}__translation_key": OuterRef("translation_key")})
        )
        marks[f"portal_{field}_chosen"] = Exists(chosen.filter(**{f"{field}_id": OuterRef("pk")}))
    return marks


def links_from_rows(rows, locale, request):
    """{field: LegalLink} from rows annotated with legal_marks (live and public), each in
    `locale` when translated, else the page as chosen."""
    found = {}
    for field in FIELDS:
        mine = [row for row in rows if getattr(row, f"portal_{field}", False)]
        source = next((row for row in mine if getattr(row, f"portal_{field}_chosen")), None)
        if source is None:
            continue  # nothing chosen, or the chosen page is not live or not public
        translated = next((row for row in mine if row.locale_id == locale.pk), source)
        found[field] = LegalLink(field, translated, request)
    return found


def legal_links(request):
    """{field name: LegalLink} for the chosen legal pages that are live and public, each in the
    active language when translated, else as chosen."""
    site = site_for_request(request)
    if site is None:
        return {}
    active = memo(request, ("locale", translation.get_language()), Locale.get_active)

    def compute():
        rows = list(
            every_page()
            .visible()
            .filter(legal_q(site))
            .annotate(**legal_marks(site))
            .select_related("locale")
        )
        return links_from_rows(rows, active, request)

    return remember_in_process(request, cache_key(site, active), compute)


def privacy_notice(request):
    """The privacy notice's LegalLink in the active language, or None."""
    return legal_links(request).get("privacy_notice")
