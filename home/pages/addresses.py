"""Absolute addresses of the site's own pages, on the address each visitor used."""


def absolute_url(request, page_or_url):
    """The absolute URL of a page (or of a site-relative URL) on the address the visitor used:
    Wagtail's relative URL for a page of the request's site, with the request's scheme and
    host (a page of another site keeps that site's own address). Canonical, hreflang, feed and
    JSON-LD links must be absolute; built from Wagtail's `Site` (`get_full_url`) they point at
    whatever host and port the Site row holds, not at the address being served."""
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.get_url(request)
    if url is None:
        return None
    if request is None:
        return url if isinstance(page_or_url, str) else page_or_url.get_full_url()
    return request.build_absolute_uri(url)
