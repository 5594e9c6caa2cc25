"""`manage.py check_links`: check every external link of the live pages and record the
results for the admin's broken links report."""

from django.core.management.base import BaseCommand

from training import linkcheck
from training.models import LinkStatus


class Command(BaseCommand):
    help = (
        "Check every external http(s) link of the live pages concurrently, with bounded "
        "time-outs, and record status, final URL and check time. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, help="Concurrent requests (default 8).")
        parser.add_argument("--timeout", type=float, help="Seconds per request (default 10).")
        parser.add_argument(
            "--deadline", type=float, help="Seconds for the whole run before giving up."
        )
        parser.add_argument(
            "--keep", action="store_true", help="Keep results of URLs no longer linked."
        )

    def handle(self, *args, workers=None, timeout=None, deadline=None, keep=False, **options):
        verbosity = options.get("verbosity", 1)

        def progress(done, total, result):
            if verbosity >= 1:
                line = f"[{done}/{total}] {result.status:<10} {result.url}"
                if result.error and verbosity >= 2:
                    line += f" ({result.error})"
                style = (
                    self.style.ERROR
                    if result.status in (LinkStatus.BROKEN, LinkStatus.ERROR)
                    else self.style.SUCCESS
                )
                self.stdout.write(style(line))

        skipped = set()
        results = linkcheck.run(
            workers=workers,
            timeout=timeout,
            deadline=deadline,
            progress=progress,
            prune=not keep,
            skipped=skipped,
        )
        failing = sum(
            1 for r in results.values() if r.status in (LinkStatus.BROKEN, LinkStatus.ERROR)
        )
        self.stdout.write(
            f"Checked {len(results)} links: {len(results) - failing} working, "
            f"{failing} failing; {len(skipped)} non-http links skipped."
        )
