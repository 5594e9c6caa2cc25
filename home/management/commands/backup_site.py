"""manage.py backup_site [DIR | ARCHIVE.tar.gz]: the database and the media files in one archive.

The database is saved with the database's own tool, exact and fast: pg_dump (custom format)
for PostgreSQL, SQLite's online backup API for SQLite. Django's dumpdata would be portable
between the two, but it is slow on a large site and fragile with Wagtail's tree (treebeard
paths), revisions and the search index; a backup must restore exactly what was there.

The archive holds manifest.json (what, when, from which engine, with SHA-256 checksums),
database.pgdump or database.sqlite3, and media/. Restore with manage.py restore_site.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

FORMAT_VERSION = 1
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def postgres_environment(settings_dict):
    """libpq's variables for the configured database (no password on a command line)."""
    env = dict(os.environ)
    for key, variable in [
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ]:
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def require_tool(name):
    if not shutil.which(name):
        raise CommandError(
            f"{name} is needed for PostgreSQL (Debian: apt install postgresql-client)."
        )


def dump_database(path):
    vendor = connection.vendor
    if vendor == "postgresql":
        require_tool("pg_dump")
        result = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(path)],
            env=postgres_environment(connection.settings_dict),
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
    elif vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise CommandError(f"Backing up a {vendor} database is not supported.")


def media_files():
    if not isinstance(default_storage, FileSystemStorage):
        return None  # object storage: backed up by the bucket's own versioning/replication
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return root, []
    return root, sorted(p for p in root.rglob("*") if p.is_file())


class Command(BaseCommand):
    help = "Save the database and the media files together in one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "target",
            nargs="?",
            default="backups",
            help="A directory (a dated archive is created in it) or an archive path ending "
            "in .tar.gz. Default: backups/",
        )

    def handle(self, target, **options):
        vendor = connection.vendor
        if vendor not in DUMP_NAMES:
            raise CommandError(f"Backing up a {vendor} database is not supported.")
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        archive = Path(target)
        if not archive.name.endswith(".tar.gz"):
            archive.mkdir(parents=True, exist_ok=True)
            archive = archive / f"portal-backup-{stamp}.tar.gz"
        archive.parent.mkdir(parents=True, exist_ok=True)

        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / DUMP_NAMES[vendor]
            self.stdout.write(f"Saving the {vendor} database…")
            dump_database(dump)
            self.stdout.write(f"  {dump.stat().st_size:,} bytes")

            media = media_files()
            if media is None:
                self.stdout.write(
                    self.style.WARNING(
                        "Media are in object storage and are not included: back up the bucket."
                    )
                )
                root, files = None, []
            else:
                root, files = media
            manifest = {
                "format": FORMAT_VERSION,
                "created": datetime.now(UTC).isoformat(),
                "engine": vendor,
                "database": {"file": dump.name, "sha256": sha256(dump)},
                "versions": {"django": django.get_version(), "wagtail": wagtail.__version__},
                "migrations": sorted(
                    f"{app}.{name}"
                    for app, name in MigrationRecorder(connection).migration_qs.values_list(
                        "app", "name"
                    )
                ),
                "media": [],
            }
            partial = archive.with_name(archive.name + ".partial")
            with tarfile.open(partial, "w:gz") as tar:
                tar.add(dump, arcname=dump.name)
                for number, path in enumerate(files, 1):
                    relative = path.relative_to(root).as_posix()
                    manifest["media"].append(
                        {"path": relative, "size": path.stat().st_size, "sha256": sha256(path)}
                    )
                    tar.add(path, arcname=f"media/{relative}")
                    if number % 100 == 0 or number == len(files):
                        self.stdout.write(f"Media: {number}/{len(files)} files")
                manifest_path = Path(work) / "manifest.json"
                manifest_path.write_text(json.dumps(manifest, indent=2))
                tar.add(manifest_path, arcname="manifest.json")
            partial.replace(archive)  # never leave a half-written archive under the final name
        size = archive.stat().st_size
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {archive} ({size:,} bytes, {len(files)} media files)"
            )
        )
        return None
