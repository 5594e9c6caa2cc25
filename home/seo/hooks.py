"""The SEO package's Wagtail hooks (loaded by home/wagtail_hooks.py)."""

from wagtail import hooks
from wagtail.models import Site

from home.pagecache.cache import PURGE_URLS_HOOK
from home.seo.sitemaps import SiteSitemaps


@hooks.register(PURGE_URLS_HOOK)
def sitemap_urls(page):
    """The sitemap index and every page of every language's sitemap, purged from the CDN with
    a changed page: a new or moved page shifts the pages after it, a translation changes other
    languages' alternates."""
    urls = []
    for site in Site.objects.select_related("root_page"):
        urls.extend(SiteSitemaps(site).urls())
    return urls
