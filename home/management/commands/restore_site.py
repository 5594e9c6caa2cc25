"""manage.py restore_site ARCHIVE.tar.gz [--force]: put back a backup_site archive.

Checks the manifest and every checksum before touching anything, refuses to restore over a
database that already has content (users, images, documents or pages beyond the empty site that
`migrate` creates) unless --force, then restores the database with pg_restore or SQLite's
backup API and the media files into MEDIA_ROOT (files not in the backup are removed, so the
result is exactly the backup). Stop the application servers first.
"""

import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from home.pagecache.cache import bump_generation

from .backup_site import DUMP_NAMES, FORMAT_VERSION, postgres_environment, require_tool, sha256

# An empty site as `migrate` leaves it: the tree root and one home page.
EMPTY_SITE_PAGES = 2


def database_has_content():
    try:
        return (
            get_user_model().objects.exists()
            or get_image_model().objects.exists()
            or get_document_model().objects.exists()
            or Page.objects.count() > EMPTY_SITE_PAGES
        )
    except DatabaseError:  # no tables yet: a new, empty database
        return False


class Command(BaseCommand):
    help = "Restore the database and media files from a backup_site archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by backup_site.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the current database and media even if they have content.",
        )

    def handle(self, archive, force=False, **options):
        archive = Path(archive)
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            self.stdout.write(f"Reading {archive}…")
            try:
                with tarfile.open(archive, "r:gz") as tar:
                    tar.extractall(work, filter="data")
            except (tarfile.TarError, OSError, EOFError) as error:
                raise CommandError(
                    f"{archive} is not a readable backup archive: {error}"
                ) from error
            manifest = self.check_manifest(work)

            if database_has_content() and not force:
                raise CommandError(
                    "The database already has content (users, pages, images or documents). "
                    "Restoring would replace it: run again with --force to do so."
                )
            self.stdout.write(f"Restoring the {manifest['engine']} database…")
            self.restore_database(work / manifest["database"]["file"])
            self.restore_media(work / "media", manifest["media"])
        # The restore wrote rows without Django's signals: make what the caches hold from
        # before the restore (pages, the site, the menu) stale, as any other change does.
        bump_generation()
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {len(manifest['media'])} media files from {archive}"
            )
        )

    def check_manifest(self, work):
        try:
            manifest = json.loads((work / "manifest.json").read_text())
        except (OSError, ValueError) as error:
            raise CommandError("The archive has no readable manifest.json.") from error
        if manifest.get("format") != FORMAT_VERSION:
            raise CommandError(f"Unknown backup format {manifest.get('format')!r}.")
        if manifest["engine"] != connection.vendor or manifest["engine"] not in DUMP_NAMES:
            raise CommandError(
                f"This backup is of a {manifest['engine']} database; the configured database "
                f"is {connection.vendor}. Restore it into the same kind of database."
            )
        checks = [(manifest["database"]["file"], manifest["database"]["sha256"])]
        checks += [(f"media/{item['path']}", item["sha256"]) for item in manifest["media"]]
        for name, expected in checks:
            path = work / name
            if not path.is_file() or sha256(path) != expected:
                raise CommandError(f"The archive is damaged: {name} does not match its checksum.")
        self.stdout.write(f"Checked {len(checks)} files against the manifest.")
        return manifest

    def restore_database(self, dump):
        if connection.vendor == "postgresql":
            require_tool("pg_restore")
            environment = postgres_environment(connection.settings_dict)
            connection.close()
            result = subprocess.run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--dbname",
                    environment.get("PGDATABASE", ""),
                    str(dump),
                ],
                env=environment,
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        else:
            connection.ensure_connection()
            source = sqlite3.connect(dump)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            connection.close()  # the next query sees the restored database afresh

    def restore_media(self, extracted, entries):
        if not isinstance(default_storage, FileSystemStorage):
            self.stdout.write(
                self.style.WARNING("Media are in object storage: restore the bucket separately.")
            )
            return
        root = Path(settings.MEDIA_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        wanted = {item["path"] for item in entries}
        for path in sorted(root.rglob("*"), reverse=True):
            relative = path.relative_to(root).as_posix()
            if path.is_file() and relative not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        for number, item in enumerate(entries, 1):
            destination = root / item["path"]
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(extracted / item["path"], destination)
            if number % 100 == 0 or number == len(entries):
                self.stdout.write(f"Media: {number}/{len(entries)} files")
