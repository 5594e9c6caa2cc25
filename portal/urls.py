from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.operations import health
from home.search import views as home_views
from home.seo import sitemaps as home_sitemap

# Unprefixed: the admin, documents and machine-facing endpoints. These are the same in every
# language (the admin follows each user's own language preference).
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # For load balancers and monitoring: database and cache status as JSON, never cached.
    path("health/", health.health, name="health"),
    # The sitemap index, one paginated sitemap per language (pages with their hreflang
    # alternates), and the robots file naming the index.
    path("sitemap.xml", home_sitemap.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", home_sitemap.sitemap_section, name="sitemap_section"),
    path("robots.txt", home_sitemap.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Language-prefixed: everything visitors read. Every language carries its prefix, the default
# too, so that a URL always names its language; "/" and unprefixed paths are redirected by
# LocaleMiddleware using the visitor's Accept-Language. Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    # The newsletter's sign-up, confirmation and unsubscribe views (news/newsletter/views.py).
    *([path("newsletter/", include("news.newsletter.urls"))] if apps.is_installed("news") else []),
    # Wagtail's URLs and its page view (`wagtail_serve`); HomePage.route() resolves the path
    # below the home in one query (home/pages/routing.py).
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.search.views.page_not_found"
handler500 = "home.search.views.server_error"
