from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.pages.models import FundingStatement


class FundingStatementViewSet(SnippetViewSet):
    model = FundingStatement
    icon = "doc-full"
    menu_label = _("Funding statements")
    list_display = ["name", "programme", "grant_agreement_number", "locale"]
    search_fields = ["name", "programme", "grant_agreement_number"]


register_snippet(FundingStatementViewSet)

# The packages' own hooks, registered on import: the translation workflow (error-safe
# wagtail-localize views, the translation status report and its dashboard panel) and the
# sitemaps purged from the CDN with a changed page, the query parameters of the page served
# (page cache).
from home.pagecache import hooks as pagecache_hooks  # noqa: E402, F401
from home.seo import hooks as seo_hooks  # noqa: E402, F401
from home.translation import hooks as translation_hooks  # noqa: E402, F401
