"""Admin wiring of the partners section: the "Partner editors" action on partner pages."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .access import is_partner_admin
from .models import PartnerPage
from .views import PartnerEditorsView


@hooks.register("register_admin_urls")
def register_partner_admin_urls():
    return [
        path(
            "partners/<int:page_id>/editors/",
            PartnerEditorsView.as_view(),
            name="partners_editors",
        )
    ]


def _editors_button(page, user, priority):
    if issubclass(page.specific_class or object, PartnerPage) and is_partner_admin(user):
        return Button(
            _("Partner editors"),
            reverse("partners_editors", args=[page.pk]),
            icon_name="group",
            priority=priority,
        )
    return None


@hooks.register("register_page_header_buttons")
def partner_editors_header_button(page, user, view_name, next_url=None):
    button = _editors_button(page, user, priority=75)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def partner_editors_listing_button(page, user, next_url=None):
    button = _editors_button(page, user, priority=75)
    if button:
        yield button
