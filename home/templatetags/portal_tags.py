"""Site-wide template helpers: language alternates and switcher, menu, funding statement.

Each helper memoises its result on the request, because the base layout asks for the same
thing in several places (head and header, for instance) and a page must cost a fixed number
of queries."""

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import FundingStatement, SiteSettings
from home.routing import memo as _memo
from home.routing import prime as _prime
from home.routing import public

register = template.Library()


def _active_locale(request):
    # Primed by home.routing when it served the page.
    return _memo(request, ("locale", translation.get_language()), Locale.get_active)


def _public(request, queryset):
    """queryset.public() without a query of its own (the restrictions are a subquery)."""
    return public(queryset)


def _menu_q(root):
    return Q(depth=root.depth + 1, path__startswith=root.path, show_in_menus=True)


def _site_root(request):
    """The active language's home page (the site root's translation), or None."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return None
        root = site.root_page
        active = _active_locale(request)
        if root.locale_id == active.id:
            return root
        translated = (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale=active, alias_of__isnull=True)
            .first()
        )
        return translated or root

    return _memo(request, "site_root", compute)


@register.simple_tag(takes_context=True)
def language_alternates(context, page=None):
    """One entry per configured language, in settings order:
    code, name, url (absolute), is_current and exists (False when the page has no live
    translation in that language, in which case url leads to that language's home).

    Pages use their live, non-alias translations (one query); other views (search, 404)
    reverse their own URL in each language."""
    request = context["request"]

    def compute():
        current = translation.get_language()
        if page is None or not isinstance(page, Page) or not page.id:
            return [
                {
                    "code": code,
                    "name": name,
                    "url": request.build_absolute_uri(translate_url(request.path, code)),
                    "is_current": code == current,
                    "exists": True,
                }
                for code, name in settings.LANGUAGES
            ]
        site = Site.find_for_request(request)
        keys = [page.translation_key]
        if site is not None:
            keys.append(site.root_page.translation_key)
        # The menu (the live children of this language's home shown in menus) comes in the
        # same query: the layout shows both.
        root = _site_root(request)
        wanted = Q(translation_key__in=keys, alias_of__isnull=True)
        if root is not None:
            wanted |= _menu_q(root)
        rows = list(_public(request, Page.objects.live().filter(wanted).select_related("locale")))
        if root is not None:
            _prime(request, "menu", [row for row in rows if _in_menu(row, root)])
        candidates = [row for row in rows if row.translation_key in keys and not row.alias_of_id]
        own, homes = {}, {}
        for candidate in candidates:
            code = candidate.locale.language_code
            if candidate.translation_key == page.translation_key:
                own[code] = candidate
            if site is not None and candidate.translation_key == site.root_page.translation_key:
                homes[code] = candidate
        entries = []
        for code, name in settings.LANGUAGES:
            target = own.get(code) or homes.get(code)
            if target is None:
                continue
            entries.append(
                {
                    "code": code,
                    "name": name,
                    "url": target.get_full_url(request),
                    "is_current": code in own and own[code].pk == page.pk,
                    "exists": code in own,
                }
            )
        return entries

    return _memo(request, ("alternates", getattr(page, "pk", None)), compute)


@register.simple_tag(takes_context=True)
def x_default_url(context, alternates):
    """The default language's version, or the first live one, for hreflang="x-default"."""
    live = [entry for entry in alternates if entry["exists"]]
    for entry in live:
        if entry["code"] == settings.LANGUAGE_CODE:
            return entry["url"]
    return live[0]["url"] if live else ""


@register.simple_tag(takes_context=True)
def site_root(context):
    return _site_root(context["request"])


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The live pages under the active language's home that are marked "show in menus"."""
    request = context["request"]

    def compute():
        root = _site_root(request)
        if root is None:
            return []
        return list(
            _public(request, Page.objects.live().filter(_menu_q(root))).select_related("locale")
        )

    return _memo(request, "menu", compute)


def _in_menu(row, root):
    return row.show_in_menus and row.depth == root.depth + 1 and row.path.startswith(root.path)


def site_funding_statement(request):
    """The site's funding statement in the active language (the source one if untranslated),
    read once per request."""

    def compute():
        # One query: every translation of the statement chosen in the site's settings, then
        # the active language's one, or the chosen one when it is not translated.
        site = Site.find_for_request(request)
        if site is None:
            return None
        chosen = SiteSettings.objects.filter(site=site).values("funding_statement_id")[:1]
        statements = list(
            FundingStatement.objects.filter(
                translation_key__in=FundingStatement.objects.filter(pk__in=chosen).values(
                    "translation_key"
                )
            ).annotate(is_chosen=Q(pk__in=chosen))
        )
        active = _active_locale(request)
        for statement in statements:
            if statement.locale_id == active.id:
                return statement
        return next((statement for statement in statements if statement.is_chosen), None)

    return _memo(request, "funding", compute)


@register.simple_tag(takes_context=True)
def funding_statement(context):
    """The site's funding statement in the active language (the source one if untranslated)."""
    return site_funding_statement(context["request"])


@register.simple_tag(takes_context=True)
def site_name(context):
    site = Site.find_for_request(context["request"])
    return site.site_name if site and site.site_name else settings.WAGTAIL_SITE_NAME


@register.filter
def contains_page(section, page):
    """True when page is section itself or lies under it (for aria-current in the menu)."""
    return bool(page) and isinstance(page, Page) and page.url_path.startswith(section.url_path)
