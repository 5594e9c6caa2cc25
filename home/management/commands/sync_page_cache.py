"""`manage.py sync_page_cache`: copy the content generation from the database into the shared
cache (home.pagecache.cache.sync_generation). Idempotent; the scheduler runs it every minute
(PORTAL_SCHEDULE), so that a change published while the cache was unreachable reaches the
cache's copy even when no process saw the cache come back."""

from django.core.management.base import BaseCommand

from home.pagecache.cache import sync_generation


class Command(BaseCommand):
    help = (
        "Copy the page cache's content generation from the database into the shared cache "
        "(after a cache outage, a change made meanwhile is then served). Safe to run any time."
    )

    def handle(self, *args, **options):
        before, after = sync_generation()
        if before == after:
            self.stdout.write(f"Page cache generation {after}: already in sync.")
        else:
            self.stdout.write(f"Page cache generation {before} -> {after}: re-synced.")
