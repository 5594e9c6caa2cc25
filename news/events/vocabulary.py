"""The events' vocabularies: what kind of event, how it is attended and its status (the
models, views and calendars share them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    TRAINING = "training", _("Training session")
    CONFERENCE = "conference", _("Conference")
    MULTIPLIER = "multiplier", _("Multiplier event")
    MEETING = "meeting", _("Meeting")


class AttendanceMode(models.TextChoices):
    ONLINE = "online", _("Online")
    ONSITE = "onsite", _("On site")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")
