from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

# Paths outside i18n_patterns (see portal/urls.py).
UNPREFIXED = ("/admin/", "/documents/", "/static/", "/media/", "/health/")


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 under an unprefixed path (the admin,
    documents, media) stays a 404. Django would redirect it to /en/admin/..., because the
    page catch-all inside i18n_patterns matches every path."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
