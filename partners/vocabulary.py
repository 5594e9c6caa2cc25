"""The words the consortium is described with: the kinds of organisation and the roles in the
consortium. Used by the pages (partners.models) and by the consortium listing's filters
(partners.listing)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    CLUSTER = "cluster", _("Cluster")
    UNIVERSITY = "university", _("University or research centre")
    COMPANY = "company", _("Company")
    PUBLIC_BODY = "public_body", _("Public body")
    OTHER = "other", _("Other organisation")


class ConsortiumRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")
    ASSOCIATED = "associated", _("Associated partner")
