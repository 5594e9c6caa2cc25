"""Send the newsletter digests queued from the admin (run by the scheduler, PORTAL_SCHEDULE).
Safe to re-run and to run on several servers: see news/newsletter/sending.py."""

from django.core.management.base import BaseCommand

from news.newsletter.sending import pending_digests, send_digest


class Command(BaseCommand):
    help = "Send queued newsletter digests, in batches, each subscriber once."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=None)

    def handle(self, *args, batch_size=None, **options):
        digests = list(pending_digests())
        if not digests:
            self.stdout.write("No digest to send.")
            return
        for digest in digests:
            sent = send_digest(digest, out=self.stdout.write, batch_size=batch_size)
            digest.refresh_from_db()
            self.stdout.write(
                self.style.SUCCESS(
                    f"{digest}: {sent} sent by this run; {digest.get_status_display()}"
                )
            )
