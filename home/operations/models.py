"""The scheduler's record of each job (home.operations.scheduler)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledJob(models.Model):
    """One row per job of settings.PORTAL_SCHEDULE, shared by every scheduler process of the
    site: when the job is next due, and how its last run went. Claiming a due slot is one
    conditional UPDATE of this row, so that exactly one process runs each slot."""

    class Result(models.TextChoices):
        RUNNING = "running", _("running")
        OK = "ok", _("succeeded")
        ERROR = "error", _("failed")

    name = models.CharField(_("name"), max_length=100, unique=True)
    command = models.CharField(_("command"), max_length=100)
    every = models.PositiveIntegerField(_("interval in seconds"))
    next_run = models.DateTimeField(_("next run"))
    last_started = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_result = models.CharField(
        _("last result"), max_length=10, choices=Result.choices, blank=True
    )
    last_error = models.TextField(_("last error"), blank=True)
    last_duration = models.FloatField(_("last duration in seconds"), null=True, blank=True)
    last_runner = models.CharField(
        _("last runner"), max_length=200, blank=True, help_text=_("Host name and process id.")
    )
    runs = models.PositiveIntegerField(_("runs"), default=0)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")
        ordering = ["name"]

    def __str__(self):
        return self.name
