from django import forms
from django.utils.translation import gettext_lazy as _

from home.contact.spam import HoneypotField

from .models import CONSENT_TEXT


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        required=True,
        error_messages={"required": _("Please tick the box to subscribe.")},
    )
    website = HoneypotField()

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
