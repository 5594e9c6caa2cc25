"""Admin hooks of the translation workflow (imported by `home.wagtail_hooks`):

- wagtail-localize's machine-translate, update-translations and PO-upload views replaced, at
  the same paths, by the versions in `home.translation.views` that answer errors with a message;
- the translation status report (Reports menu) and its dashboard panel.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from home.translation import views as translation_views
from home.translation.status import translation_status

REPORT_PERMISSION = "wagtail_localize.submit_translation"


def can_see_translation_status(user):
    return user.has_perm(REPORT_PERMISSION)


def _report_view(**kwargs):
    view = translation_views.TranslationStatusReportView.as_view(**kwargs)

    def guarded(request, *args, **view_kwargs):
        if not can_see_translation_status(request.user):
            raise PermissionDenied
        return view(request, *args, **view_kwargs)

    return guarded


# order=-1: these paths must come before wagtail-localize's identical ones.
@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            translation_views.machine_translate,
            name="portal_machine_translate",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            translation_views.upload_pofile,
            name="portal_upload_pofile",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translation_views.UpdateTranslationsView.as_view(),
            name="portal_update_translations",
        ),
        path(
            "reports/translation-status/",
            _report_view(),
            name="portal_translation_status",
        ),
        path(
            "reports/translation-status/results/",
            _report_view(results_only=True),
            name="portal_translation_status_results",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("portal_translation_status"),
        name="translation-status",
        icon_name="site",
        order=9010,
    )


class TranslationStatusPanel(Component):
    """Dashboard counts of missing, unpublished and out-of-date translations per language."""

    name = "translation_status"
    template_name = "home/translation/dashboard_panel.html"
    order = 240

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["counts"] = translation_status().counts()
        return context


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    if can_see_translation_status(request.user):
        panels.append(TranslationStatusPanel())
