"""Media in S3-compatible object storage (django-storages), against a real local S3 server
(moto's server mode) on a loopback port: the settings that the environment produces, uploads
through the Wagtail admin landing in the bucket, renditions written there, public pages linking
images on the object store, documents streamed through Wagtail's view and deletion removing
the objects. Beside them, the other scale-out setting: sessions read through Redis."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.operations.tests.object_store import (
    S3Server,
    http_get,
    settings_from_environment,
    storage_environment,
)
from home.operations.tests.test_security_uploads import png_bytes

PDF = b"%PDF-1.4\n% portal object storage test\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(scope="module")
def s3_server():
    server = S3Server()
    yield server
    server.stop()


@pytest.fixture
def bucket(s3_server):
    return s3_server.new_bucket()


@pytest.fixture
def object_storage(s3_server, bucket, settings):
    """The settings that the environment produces, applied to this process."""
    produced = settings_from_environment(
        storage_environment(s3_server, bucket),
        ["STORAGES", "WAGTAILDOCS_SERVE_METHOD", "PORTAL_CSP", "MEDIA_ORIGINS"],
    )
    settings.STORAGES = {**settings.STORAGES, "default": produced["STORAGES"]["default"]}
    settings.WAGTAILDOCS_SERVE_METHOD = produced["WAGTAILDOCS_SERVE_METHOD"]
    settings.PORTAL_CSP = produced["PORTAL_CSP"]
    return produced


def test_the_environment_configures_s3_storage_and_the_csp(s3_server):
    produced = settings_from_environment(
        storage_environment(s3_server, "portal-media", AWS_LOCATION="site/"),
        ["STORAGES", "WAGTAILDOCS_SERVE_METHOD", "PORTAL_CSP", "PORTAL_CSP_ADMIN"],
    )
    default = produced["STORAGES"]["default"]
    assert default["BACKEND"] == "home.operations.storage.MediaStorage"
    options = default["OPTIONS"]
    assert options["bucket_name"] == "portal-media"
    assert options["endpoint_url"] == s3_server.endpoint
    assert options["addressing_style"] == "path"
    assert options["location"] == "site"
    assert options["file_overwrite"] is False
    assert options["querystring_auth"] is False
    assert produced["STORAGES"]["staticfiles"]["BACKEND"].startswith("whitenoise.")
    assert produced["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert s3_server.endpoint in produced["PORTAL_CSP"]["img-src"]
    assert s3_server.endpoint in produced["PORTAL_CSP_ADMIN"]["img-src"]

    cdn = settings_from_environment(
        {"AWS_STORAGE_BUCKET_NAME": "portal-media", "AWS_S3_CUSTOM_DOMAIN": "media.example.org"},
        ["PORTAL_CSP", "STORAGES"],
    )
    assert "https://media.example.org" in cdn["PORTAL_CSP"]["img-src"]
    assert cdn["STORAGES"]["default"]["OPTIONS"]["addressing_style"] is None

    local = settings_from_environment({}, ["STORAGES", "PORTAL_CSP", "SESSION_ENGINE"])
    assert local["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert local["PORTAL_CSP"]["img-src"] == ["'self'", "data:"]
    assert local["SESSION_ENGINE"] is None, "Django's default: sessions in the database"


def test_sessions_are_read_through_redis_when_it_is_the_cache():
    produced = settings_from_environment(
        {"CACHE_URL": "redis://127.0.0.1:6379/1"}, ["SESSION_ENGINE", "CACHES"]
    )
    assert produced["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert (
        produced["CACHES"]["default"]["BACKEND"] == "home.operations.resilience.ResilientRedisCache"
    )


@pytest.mark.django_db
def test_media_live_in_the_bucket_from_upload_to_deletion(
    client, django_user_model, homes, s3_server, bucket, object_storage, settings,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    collection = Collection.get_first_root_node().id

    # An image uploaded through the admin goes to the bucket, not to MEDIA_ROOT.
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Cluster meeting",
            "description": "Cluster managers around a table",
            "collection": collection,
            "file": SimpleUploadedFile("meeting.png", png_bytes((1200, 800)), "image/png"),
        },
    )
    assert response.status_code == 302, response.content[:500]
    image = get_image_model().objects.get(title="Cluster meeting")
    assert s3_server.keys(bucket, "original_images/") == [image.file.name]
    assert not (settings.MEDIA_ROOT / image.file.name).exists()

    # The public page links its renditions on the object store, written there by rendering.
    home = homes["en"]
    home.hero_image = image
    home.save_revision().publish()
    client.logout()
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    media_base = f"{s3_server.endpoint}/{bucket}/"
    sources = re.findall(r'(?:src|srcset)="([^"]+)"', html)
    image_urls = [url.split(" ")[0] for url in sources if "/images/" in url]
    assert image_urls and all(url.startswith(media_base + "images/") for url in image_urls)
    renditions = s3_server.keys(bucket, "images/")
    assert len(renditions) == 6  # fill-480x270, 720x405 and 1080x608, in WebP and JPEG
    assert {url.removeprefix(media_base) for url in image_urls} <= set(renditions)
    status, body, headers = http_get(image_urls[0])
    assert status == 200 and headers["Content-Type"] == "image/webp"
    assert body[:4] == b"RIFF" and body[8:12] == b"WEBP"
    assert headers["Cache-Control"] == "public, max-age=86400"
    assert s3_server.endpoint in response["Content-Security-Policy"].split("img-src")[1]

    # A document: in the bucket, private there, downloaded through Wagtail's view.
    client.force_login(user)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Grant agreement",
            "collection": collection,
            "file": SimpleUploadedFile("grant.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Grant agreement")
    assert s3_server.keys(bucket, "documents/") == [document.file.name]
    assert http_get(media_base + document.file.name)[0] == 403, "not readable from outside"
    client.logout()
    response = client.get(document.url)
    assert document.url.startswith("/documents/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"  # nothing runs inline
    assert response["X-Content-Type-Options"] == "nosniff"

    # Deleting them through the admin removes their objects (original and renditions).
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("wagtailimages:delete", args=[image.id])).status_code == 302
        assert client.post(reverse("wagtaildocs:delete", args=[document.id])).status_code == 302
    assert s3_server.keys(bucket) == []
