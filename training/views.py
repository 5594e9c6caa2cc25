"""Admin report of broken outbound links, with the pages that hold them."""

from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry

from .models import LinkCheck, LinkStatus


class BrokenLinksReportView(ReportView):
    page_title = _("Broken links")
    header_icon = "warning"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "training/admin/broken_links_results.html"
    index_url_name = "training_broken_links"
    index_results_url_name = "training_broken_links_results"
    any_permission_required = ["add", "change", "publish"]
    model = LinkCheck
    list_export = ["url", "status", "status_code", "final_url", "error", "first_failed"]
    paginate_by = 50

    @cached_property
    def permission_policy(self) -> BasePermissionPolicy:
        # Whoever can edit pages can see which pages need a link fixed.
        return policy_registry.get_by_type(Page)

    def get_queryset(self):
        return (
            LinkCheck.objects.filter(status__in=[LinkStatus.BROKEN, LinkStatus.ERROR])
            .prefetch_related(
                Prefetch(
                    "pages",
                    queryset=Page.objects.select_related("locale").order_by("path"),
                )
            )
            .order_by("first_failed", "url")
        )

    def get_filename(self):
        return "broken-links"
