"""/sitemap.xml over every language, with hreflang alternates, and /robots.txt pointing at it.

Wagtail's own sitemap lists the default language's pages only. This one lists every live,
public page of the site in every locale (aliases and drafts left out: an alias repeats another
language's text and a draft is not on the site), each with an `xhtml:link rel="alternate"` for
every language the page is published in, plus `x-default` (the default language's version).
Both views are outside the language prefix and cost a fixed number of queries."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site


def sitemap_entries(request, site):
    """[{"url", "lastmod", "alternates": [(hreflang, url)]}] for the site's live pages."""
    roots = list(
        Page.objects.filter(
            translation_key=site.root_page.translation_key, alias_of__isnull=True
        ).values_list("path", flat=True)
    )
    if not roots:
        return []
    under_roots = Q()
    for path in roots:
        under_roots |= Q(path__startswith=path)
    pages = list(
        Page.objects.live()
        .public()
        .filter(under_roots, alias_of__isnull=True)
        .only("id", "path", "url_path", "translation_key", "locale_id", "last_published_at")
        .order_by("path")
    )
    codes = dict(Locale.objects.values_list("id", "language_code"))
    default_code = settings.LANGUAGE_CODE
    by_key = defaultdict(list)
    urls = {}
    for page in pages:
        url = page.get_full_url(request)
        if url:
            urls[page.id] = url
            by_key[page.translation_key].append(page)
    entries = []
    for page in pages:
        if page.id not in urls:
            continue
        group = by_key[page.translation_key]
        alternates = []
        if len(group) > 1:
            alternates = [(codes[other.locale_id], urls[other.id]) for other in group]
            alternates.sort()
            default = next((url for code, url in alternates if code == default_code), None)
            if default:
                alternates.append(("x-default", default))
        entries.append(
            {"url": urls[page.id], "lastmod": page.last_published_at, "alternates": alternates}
        )
    return entries


@require_GET
def sitemap(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return render(
        request,
        "home/sitemap.xml",
        {"entries": sitemap_entries(request, site)},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
