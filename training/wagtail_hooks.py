from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .views import BrokenLinksReportView


class BrokenLinksMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_urls")
def register_broken_links_urls():
    return [
        path(
            "reports/broken-links/", BrokenLinksReportView.as_view(), name="training_broken_links"
        ),
        path(
            "reports/broken-links/results/",
            BrokenLinksReportView.as_view(results_only=True),
            name="training_broken_links_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return BrokenLinksMenuItem(
        _("Broken links"),
        reverse("training_broken_links"),
        name="broken-links",
        icon_name="warning",
        order=900,
    )
