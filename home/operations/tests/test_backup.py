"""backup_site / restore_site round-trip a whole site: pages in four locales with their
translations and revisions, images, documents, partner-style group permissions, media files.
Runs on SQLite and, in CI, on PostgreSQL (pg_dump / pg_restore)."""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from conftest import tagged
from home.pages.factories import PortalImageFactory, StandardPageFactory
from home.pages.localization import translate_object
from home.pages.models import StandardPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def snapshot():
    """Every row of every table (dumpdata) and every media file's checksum. Except the page
    cache's content generation, which the restore moves on (the restored content is a change
    visitors see)."""
    out = io.StringIO()
    call_command("dumpdata", "--indent", "0", "--exclude", "home.ContentGeneration", stdout=out)
    rows = json.loads(out.getvalue())
    root = Path(settings.MEDIA_ROOT)
    media = {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
    return rows, media


@pytest.fixture
def full_site(homes, locales, django_user_model):
    about = StandardPageFactory(parent=homes["en"], title="About the project", slug="about")
    about.save_revision().publish()
    about.intro = "Who we are, second revision."
    about.save_revision().publish()
    for code in ("fr", "es", "hu"):
        translate_object(about, locales[code], tagged(code), strict=False)
    image = PortalImageFactory(title="Workshop", description="Cluster managers at a workshop")
    document = get_document_model().objects.create(
        title="Final report", file=ContentFile(b"%PDF-1.4\nreport\n%%EOF", "final-report.pdf")
    )
    partner = Group.objects.create(name="Partner: Clusterland")
    GroupPagePermission.objects.create(
        group=partner, page=about, permission=Permission.objects.get(codename="change_page")
    )
    GroupCollectionPermission.objects.create(
        group=partner,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )
    user = django_user_model.objects.create_user("partner", "p@example.org", "pw")
    user.groups.add(partner)
    return {"about": about, "image": image, "document": document}


def test_backup_and_restore_round_trip(full_site, tmp_path):
    assert StandardPage.objects.count() == 4  # one per locale
    assert Page.objects.filter(locale__language_code="hu").count() == 2
    assert full_site["about"].revisions.count() >= 2
    before = snapshot()
    assert len(before[1]) >= 2, "the image and the document are on disk"

    out = io.StringIO()
    call_command("backup_site", str(tmp_path / "backups"), stdout=out)
    archive = next((tmp_path / "backups").glob("portal-backup-*.tar.gz"))
    assert "Media:" in out.getvalue() and "Backup written to" in out.getvalue()
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["engine"] in ("sqlite", "postgresql")
    assert {f"media/{m['path']}" for m in manifest["media"]} <= set(names)

    # Things go wrong: pages, files and permissions deleted, an intruder added.
    StandardPage.objects.filter(slug__startswith="about").delete()
    full_site["image"].delete()
    full_site["document"].delete()
    Group.objects.all().delete()
    Page.objects.get(id=full_site["about"].get_parent().id).specific.save_revision()
    (Path(settings.MEDIA_ROOT) / "stray.txt").write_text("not in the backup")
    assert snapshot() != before

    with pytest.raises(CommandError, match="--force"):
        call_command("restore_site", str(archive), stdout=io.StringIO())

    call_command("restore_site", str(archive), "--force", stdout=io.StringIO())
    assert snapshot() == before
    for code in ("en", "fr", "es", "hu"):
        assert StandardPage.objects.filter(locale__language_code=code).count() == 1
    assert GroupPagePermission.objects.filter(group__name="Partner: Clusterland").exists()
    assert get_image_model().objects.get().file.read()


def test_a_damaged_archive_is_refused_before_anything_changes(full_site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    before = snapshot()
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data + b"tampered"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore_site", str(damaged), "--force", stdout=io.StringIO())
    assert snapshot() == before
    (tmp_path / "junk.tar.gz").write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a readable backup archive"):
        call_command("restore_site", str(tmp_path / "junk.tar.gz"), stdout=io.StringIO())


@pytest.mark.django_db(transaction=False)
def test_only_an_empty_site_counts_as_empty(django_user_model):
    """A new machine's database (as migrate leaves it) may be restored into without --force."""
    from home.management.commands.restore_site import database_has_content

    assert database_has_content() is False
    django_user_model.objects.create_user("someone")
    assert database_has_content() is True


def test_after_a_restore_visitors_see_the_restored_site(full_site, tmp_path, client, settings):
    """A restore writes rows without Django's signals: what was cached from before it (whole
    pages, the site and its menu kept in each process) must not outlive it."""
    settings.PORTAL_PAGE_CACHE_ENABLED = True
    call_command("backup_site", str(tmp_path / "backups"), stdout=io.StringIO())
    archive = next((tmp_path / "backups").glob("portal-backup-*.tar.gz"))

    about = full_site["about"]
    about.title = "Renamed after the backup"
    about.save_revision().publish()
    assert b"Renamed after the backup" in client.get("/en/about/").content
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"

    call_command("restore_site", str(archive), "--force", stdout=io.StringIO())
    response = client.get("/en/about/")
    assert b"About the project" in response.content
    assert b"Renamed after the backup" not in response.content
