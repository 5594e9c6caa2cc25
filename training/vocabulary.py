"""The training catalogue's vocabulary: the themes, levels and formats a resource is
described by, and the languages it can be offered in. Used by the pages (training.models) and
by the catalogue's filters (training.filters)."""

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    CLUSTER_MANAGEMENT = "cluster-management", _("Cluster management")
    DIGITAL_TRANSFORMATION = "digital-transformation", _("Digital transformation")
    INDUSTRY_40 = "industry-4-0", _("Industry 4.0 technologies")
    SERVICES = "services", _("Services to cluster members")
    INTERNATIONALISATION = "internationalisation", _("Internationalisation")
    BUSINESS_LEADERSHIP = "business-leadership", _("Business leadership and entrepreneurship")
    COMMUNICATION = "communication", _("Communication and marketing")
    FUNDING = "funding", _("Funding and project management")


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Format(models.TextChoices):
    MOOC = "mooc", _("MOOC")
    MODULE = "module", _("Module")
    WEBINAR = "webinar", _("Webinar")
    VIDEO = "video", _("Video")
    DOCUMENT = "document", _("Document")


# The languages a resource can be offered in: the EU's official languages.
EU_LANGUAGE_CODES = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
    "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
]  # fmt: skip


class Language(models.Model):
    """A language a training resource is available in (the EU's official languages are
    created by the migration). Shown by its name in the visitor's language."""

    code = models.CharField(_("code"), max_length=16, primary_key=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name

    @property
    def name(self):
        try:
            return get_language_info(self.code)["name_translated"]
        except KeyError:
            return self.code
