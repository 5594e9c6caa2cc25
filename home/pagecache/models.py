"""The authoritative content generation (home.pagecache.cache): one row in the database, so
that a change made while the shared cache is unreachable is not lost; the cache holds a copy,
re-synced from this row when a process sees the cache come back and by the scheduler's
`sync_page_cache` job."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """A single row (pk 1): bumped with an F() update after every committed change that
    visitors can see. Its first value is the time in nanoseconds, so a database created
    afresh never reuses a generation that entries in a long-lived cache may carry."""

    value = models.BigIntegerField(_("content generation"))

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self):
        return str(self.value)
