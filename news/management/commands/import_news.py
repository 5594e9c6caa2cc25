"""manage.py import_news FILE: news from a WordPress export (WXR), an RSS 2.0 or an Atom file.

A WordPress export is imported whole (see news.wordpress.run): posts, pages (with
--pages-parent), images (with --uploads), statuses, dates, categories, tags, authors and
translations (Polylang, WPML). --dry-run shows what would happen and changes nothing; a run
can be interrupted and started again, and a second run adds nothing.

A feed (RSS or Atom) is imported into one language's news index (--locale).
"""

from pathlib import Path
from xml.etree import ElementTree

from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from wagtail.models import Locale, Page

from news.importer import ImportFileError, import_file
from news.models import NewsIndexPage
from news.wordpress.run import Options, import_export
from news.wordpress.wxr import WXR_NS, WXRError


def is_wordpress_export(path):
    """Whether the file declares a WordPress export namespace (any version, either scheme)."""
    try:
        for _event, (_prefix, uri) in ElementTree.iterparse(path, events=["start-ns"]):
            if WXR_NS.match(uri):
                return True
    except (OSError, ElementTree.ParseError):
        return False
    return False


class Command(BaseCommand):
    help = (
        "Import a WordPress site's export (WXR: posts, pages, images and translations) or an "
        "RSS/Atom feed into the news. Safe to run again: what was imported is updated when it "
        "changed, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The WordPress export (WXR) or feed file.")
        parser.add_argument(
            "--locale",
            help="Language of items that do not say theirs (required for feeds), e.g. fr.",
        )
        parser.add_argument("--index-id", type=int, help="The news index page to import into.")
        parser.add_argument(
            "--uploads",
            help="A copy of the WordPress site's wp-content/uploads folder: attachments and "
            "images found there are imported (nothing is fetched from the internet).",
        )
        parser.add_argument(
            "--pages-parent",
            type=int,
            help="ID of the page under which WordPress pages become standard pages (in each "
            "language, under its translation). Without it, pages are skipped and counted.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be imported and the problems met, changing nothing.",
        )
        parser.add_argument(
            "--limit",
            type=int,
            help="Stop after this many items were created or updated (run again to go on).",
        )
        parser.add_argument(
            "--collection",
            default="WordPress",
            help="The image collection imported images go into (created if needed).",
        )

    @no_translations  # the output is the same whatever language a caller had active
    def handle(self, *args, file, **options):
        locale = None
        if options["locale"]:
            try:
                locale = Locale.objects.get(language_code=options["locale"])
            except Locale.DoesNotExist:
                raise CommandError(f"Unknown language: {options['locale']}") from None
        index = None
        if options["index_id"] is not None:
            index = NewsIndexPage.objects.filter(pk=options["index_id"]).first()
            if index is None or (locale is not None and index.locale_id != locale.id):
                raise CommandError(f"No news index with id {options['index_id']}")
        if not Path(file).is_file():
            raise CommandError(f"Cannot read {file}: no such file")
        if is_wordpress_export(file):
            return self.import_wordpress(file, locale, index, options)
        return self.import_feed(file, locale, index)

    def import_wordpress(self, file, locale, index, options):
        uploads = None
        if options["uploads"]:
            uploads = Path(options["uploads"])
            if not uploads.is_dir():
                raise CommandError(f"No uploads folder at {uploads}")
        parent = None
        if options["pages_parent"] is not None:
            parent = Page.objects.filter(pk=options["pages_parent"], depth__gt=1).first()
            if parent is None:
                raise CommandError(f"No page with id {options['pages_parent']}")
        if options["limit"] is not None and options["limit"] < 1:
            raise CommandError("--limit must be 1 or more")
        run_options = Options(
            locale=locale,
            index=index,
            pages_parent=parent,
            uploads=uploads,
            dry_run=options["dry_run"],
            limit=options["limit"],
            collection=options["collection"],
        )
        heading = "Dry run: nothing is changed." if options["dry_run"] else "Importing"
        self.stdout.write(f"{heading} {file}")
        try:
            summary = import_export(file, run_options, log=self.stdout.write)
        except WXRError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        except KeyboardInterrupt:
            # Each item is committed on its own: what was imported stays, the item being
            # imported was rolled back, and the next run goes on from there.
            raise CommandError(
                "Interrupted. What was imported so far is kept: run the same command again "
                "to import the rest."
            ) from None
        self.write_summary(summary, options["dry_run"])

    def write_summary(self, summary, dry_run):
        write = self.stdout.write
        would = "would be " if dry_run else ""
        write("")
        write("Summary" + (" (dry run: nothing was changed)" if dry_run else ""))
        types = ", ".join(f"{n} {kind}" for kind, n in summary.by_type.most_common())
        write(f"  Items in the export: {summary.total} ({types})")
        for kind, label in (("post", "News articles"), ("page", "Pages"), ("attachment", "Images")):
            parts = [
                f"{summary.count(kind, action)} {would if action != 'unchanged' else ''}{action}"
                for action in ("created", "updated", "unchanged", "unpublished", "failed")
                if summary.count(kind, action) or action == "created"
            ]
            write(f"  {label}: " + ", ".join(parts))
        if summary.posts_by_status:
            statuses = ", ".join(f"{s} {n}" for s, n in sorted(summary.posts_by_status.items()))
            write(f"  Posts by status: {statuses}")
        if summary.posts_by_language:
            languages = ", ".join(f"{c} {n}" for c, n in sorted(summary.posts_by_language.items()))
            write(f"  Posts by language: {languages}")
        if summary.count("category", "created"):
            write(f"  News categories {would}created: {summary.count('category', 'created')}")
        if summary.comments:
            write(f"  Comments not imported (the news has no comments): {summary.comments}")
        if summary.unknown_languages:
            languages = ", ".join(
                f"{c} ({n})" for c, n in sorted(summary.unknown_languages.items())
            )
            write(f"  Languages this site does not have (items skipped): {languages}")
        if summary.skipped:
            write("  Skipped:")
            for reason, n in sorted(summary.skipped.items(), key=lambda pair: (-pair[1], pair[0])):
                write(f"    {n} {reason}")
        if summary.failures:
            write("  Failed (nothing imported for them):")
            for label, reason in summary.failures:
                write(f"    “{label}”: {reason}")
        if summary.problems:
            write("  Problems per item (imported, but not all of it could be kept):")
            for label, problems in summary.problems:
                write(f"    “{label}”:")
                for problem in problems:
                    write(f"      - {problem}")
        if summary.stopped:
            write(
                self.style.WARNING(
                    "Stopped at --limit: run the same command again to import the rest."
                )
            )
        elif not dry_run:
            write(self.style.SUCCESS("Done."))

    def import_feed(self, file, locale, index):
        if locale is None:
            raise CommandError("A feed needs --locale (the language of its items).")
        if index is None:
            index = NewsIndexPage.objects.filter(locale=locale).order_by("path").first()
        if index is None:
            raise CommandError(f"No news index in {locale.language_code}")
        self.stdout.write(
            f"Importing {file} into “{index.title}” ({index.url_path}, {locale.language_code})"
        )
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
