"""Where the site's legal pages are: a site setting naming the privacy notice, the legal notice
and the accessibility statement (pages of any type, chosen in the site's default language).
The footer of every page links to them, and the consent checkboxes of the contact form and
the newsletter link to the privacy notice, each in the visitor's language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="doc-full")
class LegalPages(BaseSiteSetting):
    """The pages every footer links to. Each is found in the visitor's language through its
    translations; a page not translated (or not live) in that language is linked in the
    language it was chosen in."""

    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who the controller is, purposes, retention, rights and how to withdraw."),
    )
    legal_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("legal notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("privacy_notice"),
        FieldPanel("legal_notice"),
        FieldPanel("accessibility_statement"),
    ]

    class Meta:
        verbose_name = _("legal pages")
        verbose_name_plural = _("legal pages")
