"""What came from which WordPress item: one row per GUID, so that a second run of the import
adds nothing, updates what changed in WordPress since (its fingerprint differs) and leaves
alone what an editor changed on this site since (a newer revision than the import's)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    guid = models.CharField(_("GUID"), max_length=500, unique=True)
    wp_id = models.IntegerField(_("WordPress ID"), null=True, blank=True)
    post_type = models.CharField(_("WordPress type"), max_length=40)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision_id = models.IntegerField(_("revision imported"), null=True, blank=True)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")

    def __str__(self):
        return self.guid
