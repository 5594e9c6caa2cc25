"""The contact form: a page type built on Wagtail's form builder, so editors choose the fields,
with what the portal adds to every contact form:

- a required consent checkbox linking to the privacy notice in the visitor's language;
- spam protection without a third-party service (home.contact.spam): a honeypot field, a
  minimum fill time and rate limits per client address and per e-mail address in the shared
  cache;
- submissions stored (listed in the admin under Forms) and e-mailed to the editor's address,
  and deleted after the page's retention period by `manage.py delete_expired_submissions`
  (run by the scheduler, PORTAL_SCHEDULE);
- a thank-you page in the page's language.

The page sets the CSRF cookie (its form needs it) and is never kept in the page cache: it is
the only page that sets a cookie for visitors.

Page tree: HomePage → ContactFormPage (one per language, translated with wagtail-localize)."""

import datetime

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractFormField,
    EmailFormMixin,
    FormMixin,
    FormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.pages.models import BasePage

from . import spam

CONSENT_FIELD = "consent"
RATE_SCOPE = "contact"
# Fields the portal adds, that are not the visitor's message and are not stored.
UNSTORED_FIELDS = (spam.HONEYPOT_FIELD, spam.STARTED_FIELD)


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of a contact form. Translatable (wagtail-localize translates a page's inline
    objects only when they are), its `clean_name` synchronised: answers in every language are
    stored under the same names and listed in the same columns."""

    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        abstract = False


class ContactForm(forms.Form):
    """What every contact form adds to the editor's fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONSENT_FIELD] = forms.BooleanField(
            required=True,
            label=_("I agree that my message and details are stored and used to answer me."),
            error_messages={"required": _("Please give your consent so that we can answer.")},
        )
        self.fields[spam.HONEYPOT_FIELD] = spam.HoneypotField()
        self.fields[spam.STARTED_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=spam.started_token
        )
        self.spam = False

    def sender_address(self):
        for name, field in self.fields.items():
            if isinstance(field, forms.EmailField):
                return self.cleaned_data.get(name) or self.data.get(name, "")
        return ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(spam.HONEYPOT_FIELD):
            self.spam = True  # dropped without a word: the sender is a robot
        elif spam.filled_too_fast(self.data.get(spam.STARTED_FIELD)):
            # A fresh timestamp, so that sending again after a moment works.
            data = self.data.copy()
            data[spam.STARTED_FIELD] = spam.started_token()
            self.data = data
            raise forms.ValidationError(
                _("That was very quick. Please check your message and send it again."),
                code="too_fast",
            )
        return cleaned


class ContactFormPage(EmailFormMixin, FormMixin, BasePage):
    """A contact form whose fields editors choose; see the module docstring."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a message has been sent."),
    )
    retention_days = models.PositiveIntegerField(
        _("retention period (days)"),
        default=180,
        help_text=_(
            "Messages are deleted this many days after they were sent. Say so in the privacy "
            "notice."
        ),
    )

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("retention_days"),
            ],
            heading=_("E-mail and retention"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("listing_summary"),
        TranslatableField("intro"),
        TranslatableField("thank_you_text"),
        TranslatableField("subject"),
        TranslatableField("form_fields"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        SynchronizedField("retention_days"),
        SynchronizedField("social_image"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact form page")
        verbose_name_plural = _("contact form pages")

    def get_form_class(self):
        return type("PortalContactForm", (ContactForm, super().get_form_class()), {})

    def get_data_fields(self):
        return [*super().get_data_fields(), (CONSENT_FIELD, _("Consent"))]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from home.legal.links import privacy_notice  # needs the app registry ready

        context["privacy_notice"] = privacy_notice(request)
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_valid():
                if form.spam:
                    response = self.render_landing_page(request, None, *args, **kwargs)
                elif not spam.within_rate_limits(request, RATE_SCOPE, form.sender_address()):
                    form.add_error(
                        None,
                        _(
                            "Too many messages were sent from here in a short time. Please "
                            "try again in an hour; what you wrote is kept below."
                        ),
                    )
                    response = self._form_response(request, form, status=429)
                else:
                    submission = self.process_form_submission(form)
                    response = self.render_landing_page(request, submission, *args, **kwargs)
            else:
                response = self._form_response(request, form)
        else:
            response = self._form_response(request, self.get_form(page=self, user=request.user))
        # Each form carries its own CSRF token and timestamp: never shared through a cache.
        add_never_cache_headers(response)
        return response

    def _form_response(self, request, form, status=200):
        from django.template.response import TemplateResponse

        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        for name in UNSTORED_FIELDS:
            form.cleaned_data.pop(name, None)
        return super().process_form_submission(form)

    def render_email(self, form):
        return (
            "\n".join(
                line
                for line in super().render_email(form).splitlines()
                if not line.startswith(str(form.fields[CONSENT_FIELD].label))
            )
            + "\n\n"
            + str(_("The sender agreed to the privacy notice."))
        )

    def expired_submissions(self, now=None):
        cutoff = (now or timezone.now()) - datetime.timedelta(days=self.retention_days)
        return FormSubmission.objects.filter(page=self, submit_time__lt=cutoff)
