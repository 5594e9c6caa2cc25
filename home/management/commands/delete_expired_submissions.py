"""Delete contact form messages older than their form's retention period (run by the
scheduler, PORTAL_SCHEDULE; safe to run at any time and as often as wanted)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from home.contact.models import ContactFormPage


class Command(BaseCommand):
    help = "Delete contact form submissions older than each form's retention period."

    def handle(self, *args, **options):
        now = timezone.now()
        total = 0
        forms = ContactFormPage.objects.order_by("path")
        for number, page in enumerate(forms, start=1):
            deleted, _detail = page.expired_submissions(now).delete()
            total += deleted
            self.stdout.write(
                f"[{number}/{len(forms)}] {page.title} ({page.locale.language_code}): "
                f"{deleted} deleted, kept {page.retention_days} days"
            )
        self.stdout.write(self.style.SUCCESS(f"{total} expired submission(s) deleted."))
