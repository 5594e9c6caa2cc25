"""The admin action "Partner editors" on a partner page: the same set-up as
`manage.py add_partner_editor`, for superusers and moderators."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .access import PartnerAccessError, grant_partner_access, is_partner_admin
from .models import PartnerAccess, PartnerPage


class PartnerEditorsForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Invite a user by e-mail"),
        required=False,
        help_text=gettext_lazy(
            "Optional. A new user gets a link to choose a password; an existing one is added "
            "to the partner's group."
        ),
    )
    username = forms.CharField(label=gettext_lazy("Username"), required=False, max_length=150)
    moderated = forms.BooleanField(
        label=gettext_lazy("Moderate this partner's changes"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "Checked: the partner's editors submit changes for moderators' approval. "
            "Unchecked: they may publish them."
        ),
    )


class PartnerEditorsView(WagtailAdminTemplateMixin, FormView):
    form_class = PartnerEditorsForm
    template_name = "partners/admin/partner_editors.html"
    header_icon = "group"

    def dispatch(self, request, page_id):
        if not is_partner_admin(request.user):
            raise PermissionDenied
        self.partner = get_object_or_404(PartnerPage, pk=page_id)
        self.access = (
            PartnerAccess.objects.filter(translation_key=self.partner.translation_key)
            .select_related("group", "collection")
            .first()
        )
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Partner editors")

    def get_page_subtitle(self):
        return self.partner.organisation_name

    def get_initial(self):
        return {"moderated": self.access.moderated if self.access else True}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partner"] = self.partner
        context["access"] = self.access
        context["members"] = (
            list(self.access.group.user_set.order_by("username")) if self.access else []
        )
        context["action_url"] = reverse("partners_editors", args=[self.partner.pk])
        context["submit_button_label"] = _("Set up partner editing")
        return context

    def form_valid(self, form):
        try:
            result = grant_partner_access(
                self.partner,
                email=form.cleaned_data["email"],
                username=form.cleaned_data["username"],
                moderated=form.cleaned_data["moderated"],
            )
        except PartnerAccessError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Partner editing is set up for the group “%(group)s”.")
            % {"group": result.group.name},
        )
        if result.user_created:
            messages.success(
                self.request,
                _("%(email)s was invited and sent a link to choose a password.")
                % {"email": result.user.email},
            )
        elif result.user is not None:
            messages.success(
                self.request,
                _("%(user)s is in the group.") % {"user": result.user.get_username()},
            )
        return redirect("partners_editors", self.partner.pk)
