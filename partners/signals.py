"""Keep partner permissions and moderation in step with new translations.

wagtail-localize makes a translation by copying the source page, which saves a new page with
the same translation key: when that page is a partner page whose partner has a group, the
group gets the same page permissions on it; when it is a partner index, it gets the partners'
moderation workflow."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Workflow

from .access import WORKFLOW_NAME, assign_workflow, grant_page_permissions
from .models import PartnerAccess, PartnerIndexPage, PartnerPage


@receiver(post_save, sender=PartnerPage)
def grant_permissions_on_new_translation(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    access = PartnerAccess.objects.filter(translation_key=instance.translation_key).first()
    if access is not None:
        grant_page_permissions(access, [instance])


@receiver(post_save, sender=PartnerIndexPage)
def moderate_new_partner_index(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        assign_workflow(instance, workflow)
