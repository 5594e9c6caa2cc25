"""Site-wide template helpers: language alternates and switcher, menu, funding statement.

Each helper memoises its result on the request, because the base layout asks for the same
thing in several places (head and header, for instance) and a page must cost a fixed number
of queries; what only content changes (the site root's translations, the menu, the funding
statement) is also kept in the process until the content generation moves
(home.pagecache.cache.remember_in_process)."""

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from home.legal import links as legal
from home.pagecache.cache import keep_in_process, recall_in_process, remember_in_process
from home.pagecache.fragments import fragment_version as _fragment_version
from home.pagecache.layout import active_locale as _active_locale
from home.pagecache.layout import site_for_request, site_funding_statement
from home.pages.addresses import absolute_url as _absolute_url
from home.pages.models import every_page
from home.pages.request_memo import memo as _memo
from home.pages.request_memo import prime as _prime

register = template.Library()


def _menu_q(root):
    return Q(depth=root.depth + 1, path__startswith=root.path, show_in_menus=True)


def _site_root(request):
    """The active language's home page (the site root's translation), or None. Pages get it
    from their route; other views from the process's memory."""

    def compute():
        site = site_for_request(request)
        if site is None:
            return None
        root = site.root_page
        active = _active_locale(request)
        if root.locale_id == active.id:
            return root

        def translated():
            found = (
                every_page()
                .visible(active)
                .filter(translation_key=root.translation_key, alias_of__isnull=True)
                .first()
            )
            return found or root

        return remember_in_process(request, ("site root", site.pk, active.pk), translated)

    return _memo(request, "site_root", compute)


class MenuItem:
    """A menu entry: what the header shows of a page, kept between requests."""

    def __init__(self, page, request):
        self.title = page.title
        self.url = page.get_url(request)
        self.url_path = page.url_path


def _layout_pages(request, page=None):
    """(the site root's live translations as {code: (pk, URL)}, the menu's MenuItems,
    `page`'s live translations): the first two kept in the process until content changes,
    and whatever is needed read in one query (the layout shows all three)."""
    site = site_for_request(request)
    root = _site_root(request)
    homes_key = ("homes", getattr(site, "pk", None))
    menu_key = ("menu", getattr(site, "pk", None), getattr(root, "pk", None))
    homes = recall_in_process(request, homes_key) if site is not None else {}
    menu = recall_in_process(request, menu_key) if root is not None else []
    # The footer's legal pages (home/legal) come with the same query.
    legal_key = legal.cache_key(site, _active_locale(request)) if site is not None else None
    links = recall_in_process(request, legal_key) if site is not None else {}
    if homes is not None and menu is not None and links is not None:
        return homes, menu, _live_translations(page) if page is not None else []
    wanted = Q(pk__in=[])
    if links is None:
        wanted |= legal.legal_q(site)
    if page is not None:
        wanted |= Q(translation_key=page.translation_key, alias_of__isnull=True)
    if homes is None:
        wanted |= Q(translation_key=site.root_page.translation_key, alias_of__isnull=True)
    if menu is None:
        wanted |= _menu_q(root)
    queryset = every_page().visible().filter(wanted).select_related("locale")
    if links is None:
        queryset = queryset.annotate(**legal.legal_marks(site))
    rows = list(queryset)
    if links is None:
        keep_in_process(
            request, legal_key, legal.links_from_rows(rows, _active_locale(request), request)
        )
    if homes is None:
        homes = {
            row.locale.language_code: (row.pk, row.get_url(request))
            for row in rows
            if row.translation_key == site.root_page.translation_key and not row.alias_of_id
        }
        keep_in_process(request, homes_key, homes)
    if menu is None:
        menu = [MenuItem(row, request) for row in rows if _in_menu(row, root)]
        keep_in_process(request, menu_key, menu)
    own = []
    if page is not None:
        own = [r for r in rows if r.translation_key == page.translation_key and not r.alias_of_id]
    return homes, menu, own


def _live_translations(page):
    """`page`'s translations the public may see (itself included), each with its locale, not
    aliases: one query."""
    return list(
        every_page()
        .visible()
        .filter(translation_key=page.translation_key, alias_of__isnull=True)
        .select_related("locale")
    )


@register.simple_tag(takes_context=True)
def language_alternates(context, page=None, precomputed=None):
    """One entry per configured language, in settings order:
    code, name, url (absolute, on the address the visitor used: for hreflang), path (the
    same, relative where Wagtail gives it so: for the switcher), is_current and exists (False
    when the page has no live translation in that language, in which case url leads to that
    language's home).

    Pages use their live, non-alias translations (one query); other views (search, 404)
    reverse their own URL in each language. A view that knows its equivalents better than
    its page's translations do (a filtered news listing) passes them as `precomputed`, a list
    of these entries, which is used as it is."""
    if precomputed:
        return precomputed
    request = context["request"]

    def compute():
        current = translation.get_language()
        if page is None or not isinstance(page, Page) or not page.id:
            return [
                {
                    "code": code,
                    "name": name,
                    "url": request.build_absolute_uri(translate_url(request.path, code)),
                    "path": translate_url(request.path, code),
                    "is_current": code == current,
                    "exists": True,
                }
                for code, name in settings.LANGUAGES
            ]
        homes, menu, translations = _layout_pages(request, page)
        _prime(request, "menu", menu)
        own = {row.locale.language_code: row for row in translations}
        entries = []
        for code, name in settings.LANGUAGES:
            if code in own:
                path = own[code].get_url(request)
            elif code in homes:
                path = homes[code][1]
            else:
                continue
            entries.append(
                {
                    "code": code,
                    "name": name,
                    "url": _absolute_url(request, path),
                    "path": path,
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
    """The live pages under the active language's home that are marked "show in menus"
    (MenuItems), kept in the process until content changes."""
    request = context["request"]
    return _memo(request, "menu", lambda: _layout_pages(request)[1])


def _in_menu(row, root):
    return row.show_in_menus and row.depth == root.depth + 1 and row.path.startswith(root.path)


@register.simple_tag(takes_context=True)
def funding_statement(context):
    """The site's funding statement in the active language (the source one if untranslated)."""
    return site_funding_statement(context["request"])


@register.simple_tag(takes_context=True)
def site_name(context):
    site = site_for_request(context["request"])
    return site.site_name if site and site.site_name else settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def fragment_version(context):
    """The key and timeout for `{% cache %}` of a fragment reused until content changes
    (home.pagecache.fragments)."""
    return _fragment_version(context.get("request"))


@register.filter
def contains_page(section, page):
    """True when page is section itself or lies under it (for aria-current in the menu)."""
    return bool(page) and isinstance(page, Page) and page.url_path.startswith(section.url_path)


@register.filter
def menu_section(page):
    """The part of `page`'s URL path that decides which menu item is current (the site root
    and the first section), for the menu's fragment cache key."""
    if not isinstance(page, Page):
        return ""
    return "/".join(page.url_path.split("/")[:3])


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    """`page`'s absolute URL on the address the visitor used (canonical, og:url)."""
    return _absolute_url(context.get("request"), page) or ""
