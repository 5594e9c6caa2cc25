"""Admin views of the translation workflow.

Three of wagtail-localize's views are wrapped so that bad input or a failing translation
service reaches the editor as a message instead of a server error, with nothing changed:

- "Machine translate" in the translation editor (a service down, a quota used up);
- "Update translations" with "Use machine translation" ticked (the whole sync is rolled back);
- "Upload PO file" (no file, not a PO file, a PO file made for another translation or another
  page, a PO file with no translation of this page's text).

They are registered (in `home.wagtail_hooks`) at the same admin paths as wagtail-localize's own,
ahead of them, so every link wagtail-localize builds leads here.

The translations report (`TranslationStatusReportView`) lists what is missing or out of date.
"""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation, update_translations

from home.translation.machine import MachineTranslationError
from home.translation.status import translation_status

MAX_PO_FILE_SIZE = 5 * 1024 * 1024


def _next_url(request):
    return get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")


@require_POST
def machine_translate(request, translation_id):
    try:
        return edit_translation.machine_translate(request, translation_id)
    except MachineTranslationError as error:
        messages.error(request, str(error))
        return redirect(_next_url(request))


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    def form_valid(self, form):
        try:
            # wagtail-localize's form_valid runs in one transaction: a failure rolls it all back.
            return super().form_valid(form)
        except MachineTranslationError as error:
            form.add_error(
                "use_machine_translation" if "use_machine_translation" in form.fields else None,
                _("%(error)s The translations were not updated.") % {"error": error},
            )
            messages.error(self.request, str(error))
            return self.render_to_response(self.get_context_data())


def _read_po(upload):
    """The uploaded PO file parsed, or an error message."""
    if upload is None:
        return None, _("Please choose a PO file to upload.")
    if upload.size > MAX_PO_FILE_SIZE:
        return None, _("This file is too large to be a PO file of one page (5 MB at most).")
    content = upload.read()
    upload.seek(0)
    # polib takes a file name or the contents; writing the contents to a file of our own keeps
    # an uploaded "contents" from being read as the name of a file on the server.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(content)
    try:
        po = polib.pofile(handle.name, encoding="utf-8")
    except (OSError, ValueError):
        return None, _(
            "This is not a valid PO file. Please upload the file as downloaded, translated "
            "with a PO editor."
        )
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
    if not len(po) and not po.metadata:
        return None, _("This file is empty. Please upload the PO file with its translations.")
    return po, None


def _check_po(translation, po):
    """An error message when the PO file does not belong to this translation, else None."""
    uuid = po.metadata.get("X-WagtailLocalize-TranslationID")
    if not uuid:
        return _(
            "This PO file was not downloaded from this site (it has no translation ID). "
            "Please download the PO file of this translation and translate that one."
        )
    if uuid != str(translation.uuid):
        return _(
            "This PO file was made for a different translation (another page or language). "
            "Nothing was imported."
        )
    expected = {(entry.msgctxt, entry.msgid) for entry in translation.source.export_po()}
    translated = [entry for entry in po if entry.msgstr and not entry.obsolete]
    if not translated:
        return _("This PO file contains no translations. Nothing was imported.")
    if not any((entry.msgctxt, entry.msgid) in expected for entry in translated):
        return _(
            "None of the texts in this PO file belong to the current version of this page. "
            "Download the PO file again and translate that one. Nothing was imported."
        )
    return None


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not edit_translation.user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    po, error = _read_po(request.FILES.get("file"))
    if po is not None:
        error = _check_po(translation, po)
    if error:
        messages.error(request, error)
        return redirect(_next_url(request))
    expected = {(entry.msgctxt, entry.msgid) for entry in translation.source.export_po()}
    ignored = sum(
        1 for entry in po if entry.msgstr and (entry.msgctxt, entry.msgid) not in expected
    )
    response = edit_translation.upload_pofile(request, translation_id)
    if ignored:
        messages.warning(
            request,
            ngettext(
                "%(count)d text in the PO file no longer appears on the page and was ignored.",
                "%(count)d texts in the PO file no longer appear on the page and were ignored.",
                ignored,
            )
            % {"count": ignored},
        )
    return response


class TranslationStatusReportView(ReportView):
    """Every page and translatable snippet whose translation is missing or out of date, per
    locale, with a link to update it."""

    page_title = gettext_lazy("Translation status")
    header_icon = "site"
    index_url_name = "portal_translation_status"
    index_results_url_name = "portal_translation_status_results"
    results_template_name = "home/translation/status_results.html"
    template_name = "home/translation/status.html"
    paginate_by = 50

    def get_queryset(self):
        locale_code = self.request.GET.get("locale", "")
        locale = Locale.objects.filter(language_code=locale_code).first() if locale_code else None
        state = self.request.GET.get("state", "")
        if state not in ("missing", "outdated"):
            state = ""
        self.selected_locale = locale
        self.selected_state = state
        rows = translation_status().rows
        if locale is not None:
            rows = [row for row in rows if row.locale.id == locale.id]
        if state:
            rows = [row for row in rows if row.state == state]
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["locales"] = Locale.objects.exclude(id=Locale.get_default().id).order_by(
            "language_code"
        )
        context["selected_locale"] = self.selected_locale
        context["selected_state"] = self.selected_state
        return context


__all__ = [
    "TranslationStatusReportView",
    "UpdateTranslationsView",
    "machine_translate",
    "upload_pofile",
]
