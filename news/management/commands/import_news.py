from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from news.importer import ImportFileError, import_file
from news.models import NewsIndexPage


class Command(BaseCommand):
    help = (
        "Import news from an RSS 2.0 or Atom feed file or a WordPress WXR export into a "
        "language's news index. Items already imported (same GUID) are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The feed or WXR export file.")
        parser.add_argument("--locale", required=True, help="Language code, e.g. fr.")
        parser.add_argument("--index-id", type=int, help="The news index page to import into.")

    def handle(self, *args, file, locale, index_id=None, **options):
        try:
            target_locale = Locale.objects.get(language_code=locale)
        except Locale.DoesNotExist:
            raise CommandError(f"Unknown language: {locale}") from None
        indexes = NewsIndexPage.objects.filter(locale=target_locale)
        if index_id is not None:
            indexes = indexes.filter(pk=index_id)
        index = indexes.order_by("path").first()
        if index is None:
            raise CommandError(
                f"No news index in {locale}" + (f" with id {index_id}" if index_id else "")
            )
        self.stdout.write(f"Importing {file} into “{index.title}” ({index.url_path}, {locale})")
        try:
            with transaction.atomic():
                report = import_file(file, index, log=self.stdout.write)
        except ImportFileError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(f"{len(report.created)} imported, {len(report.skipped)} skipped.")
        )
        for label, reason in report.skipped:
            self.stdout.write(f"  skipped “{label}”: {reason}")
