"""Uploads through Wagtail's admin views are checked for type and size, with clear errors:
oversized, wrong type, corrupt image, SVG with script, HTML disguised as a document."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


@pytest.fixture
def admin_client(client, django_user_model, site):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return client


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (10, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def add_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Upload",
            "description": "Alt text",
            "collection": Collection.get_first_root_node().id,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def add_document(client, name, content, content_type="application/octet-stream"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Upload",
            "collection": Collection.get_first_root_node().id,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def file_errors(response):
    assert response.status_code == 200, "the form is shown again with an error"
    return " ".join(response.context["form"].errors.get("file", []))


def test_a_valid_image_is_accepted(admin_client):
    response = add_image(admin_client, "photo.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", SVG_WITH_SCRIPT, "Not a supported image format"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 50, "Upload a valid image"),
        ("photo.png", png_bytes()[:60], "Upload a valid image"),
        ("photo.png", HTML_PAGE, "Not a valid"),
        ("photo.jpg", png_bytes(), "extension does not match"),
        ("notes.txt", b"hello", "Upload a valid image"),
    ],
    ids=["svg-with-script", "corrupt-png", "truncated-png", "html-as-png", "png-as-jpg", "text"],
)
def test_bad_images_are_refused_with_a_clear_error(admin_client, name, content, message):
    response = add_image(admin_client, name, content)
    assert message in file_errors(response)
    assert get_image_model().objects.count() == 0


def test_an_oversized_image_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = add_image(admin_client, "big.png", png_bytes((400, 400)) + b"\x00" * 2000)
    assert "This file is too big" in file_errors(response)
    assert get_image_model().objects.count() == 0


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF"),
        ("minutes.docx", docx_bytes()),
        ("readme.txt", "Programme de formation, édition 2024\n".encode()),
    ],
)
def test_valid_documents_are_accepted(admin_client, name, content):
    response = add_document(admin_client, name, content)
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", HTML_PAGE, "not a valid .pdf document"),
        ("notes.txt", HTML_PAGE, "Web pages, SVG and XML files cannot be uploaded"),
        (
            "notes.txt",
            b"  <svg onload=alert(1)>",
            "Web pages, SVG and XML files cannot be uploaded",
        ),
        ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00", "not a text file"),
        ("minutes.docx", b"PK\x03\x04 truncated", "archive is damaged"),
        ("minutes.docx", b"%PDF-1.4", "not a valid .docx document"),
        ("page.html", HTML_PAGE, "File extension"),
        ("logo.svg", SVG_WITH_SCRIPT, "File extension"),
        ("setup.exe", b"MZ\x90\x00", "File extension"),
    ],
)
def test_dangerous_or_mislabelled_documents_are_refused(admin_client, name, content, message):
    response = add_document(admin_client, name, content)
    assert message in file_errors(response)
    assert get_document_model().objects.count() == 0


def test_an_oversized_document_is_refused(admin_client, settings):
    settings.PORTAL_DOCUMENT_MAX_UPLOAD_SIZE = 1024
    response = add_document(admin_client, "report.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert "the largest document accepted is 1.0\xa0KB" in file_errors(response)
    assert get_document_model().objects.count() == 0


def test_the_multiple_upload_view_checks_documents_too(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", HTML_PAGE)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert get_document_model().objects.count() == 0
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is True
    assert get_document_model().objects.count() == 1
