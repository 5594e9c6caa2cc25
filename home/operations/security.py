"""Security measures that Django and Wagtail leave to the project.

- `SecurityHeadersMiddleware`: Content-Security-Policy (enforced) and Permissions-Policy on every
  response. Django's SecurityMiddleware already sends HSTS (production), X-Content-Type-Options,
  Referrer-Policy and Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware X-Frame-Options.
- `client_ip`: the visitor's address for login throttling (django-axes), behind a known number of
  reverse proxies.
- `DocumentForm`: the base of Wagtail's document forms, refusing oversized files and files whose
  content is not what their extension says (an HTML page renamed report.pdf, say).

Why our own CSP middleware rather than django-csp: the policy is static (no nonces: the public
templates have no inline script or style at all), and the one thing we need beyond a fixed header
is a second, relaxed policy for the Wagtail admin, chosen by path. django-csp 4 does that only
through per-view decorators, which cannot reach Wagtail's hundreds of admin views. Django 6.0
ships its own CSP middleware; this one can be replaced by it after the upgrade.
"""

import zipfile

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def build_policy(directives):
    """A CSP header value from a dict of directive -> list of sources."""
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy to every response that does not set
    its own (Wagtail's document view sends a stricter one of its own, for example). Paths under
    PORTAL_CSP_RELAXED_PATHS (the Wagtail admin, which relies on inline scripts and styles) get
    PORTAL_CSP_ADMIN instead of PORTAL_CSP."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = build_policy(settings.PORTAL_CSP)
        self.relaxed_policy = build_policy(settings.PORTAL_CSP_ADMIN)
        self.relaxed_paths = tuple(settings.PORTAL_CSP_RELAXED_PATHS)
        self.permissions_policy = settings.PORTAL_PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        # Wagtail renders an admin preview by passing a dummy request for the page's public URL
        # through the middleware; the preview is framed by the admin, so it takes the admin's
        # policy (the public one forbids framing).
        relaxed = request.path_info.startswith(self.relaxed_paths) or getattr(
            request, "is_preview", False
        )
        response.headers.setdefault(
            "Content-Security-Policy", self.relaxed_policy if relaxed else self.public_policy
        )
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


def client_ip(request):
    """The client's address for throttling. Behind PORTAL_TRUSTED_PROXY_COUNT reverse proxies
    the address is the one that many hops from the right of X-Forwarded-For (each proxy appends
    the address it received the request from, so entries further left are client-controlled)."""
    proxies = settings.PORTAL_TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


# What a document's first bytes must look like for its extension. Office Open XML and
# OpenDocument files are zip archives; plain text is checked separately.
ZIP_EXTENSIONS = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"}
MAGIC = {"pdf": (b"%PDF-",), **dict.fromkeys(ZIP_EXTENSIONS, (b"PK\x03\x04", b"PK\x05\x06"))}
# Markup a browser would run as a page or image if the file were ever served inline.
ACTIVE_CONTENT = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")


def check_document_file(upload):
    """Raise ValidationError unless the upload is small enough and its content matches its
    extension. Runs on every document uploaded through Wagtail's admin forms."""
    limit = settings.PORTAL_DOCUMENT_MAX_UPLOAD_SIZE
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the largest document accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if extension in MAGIC and not head.startswith(MAGIC[extension]):
        raise ValidationError(
            _("This file is not a valid .%(extension)s document: its content does not match."),
            code="content_mismatch",
            params={"extension": extension},
        )
    if extension in ZIP_EXTENSIONS and not zipfile.is_zipfile(upload):
        upload.seek(0)
        raise ValidationError(
            _("This file is not a valid .%(extension)s document: the archive is damaged."),
            code="corrupt_archive",
            params={"extension": extension},
        )
    upload.seek(0)
    if extension == "txt" or extension not in MAGIC:
        if b"\x00" in head:
            raise ValidationError(
                _("This file is not a text file."), code="content_mismatch", params={}
            )
        if head.lstrip().lower().startswith(ACTIVE_CONTENT):
            raise ValidationError(
                _("Web pages, SVG and XML files cannot be uploaded as documents."),
                code="active_content",
            )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with the checks of `check_document_file` (WAGTAILDOCS_DOCUMENT_
    FORM_BASE points here, so the single and multiple upload views both use it)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_document_file(upload)
        return upload


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): a 429 page saying
    what happened and when to try again, in the visitor's language."""
    from axes.helpers import get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": max(1, round(cool_off.total_seconds() / 60)) if cool_off else None,
    }
    response = render(request, "home/login_locked.html", context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' check, skipped when there is no request to throttle (the test client's
    login(), management commands): those do not come from the network. Every login form,
    Wagtail's included, passes the request."""

    def authenticate(self, request=None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


class SafeImageField(WagtailImageField):
    """Wagtail's image field, except that an image that Pillow fails to read while the field
    measures it (a truncated or corrupt file can raise anything from OSError to AttributeError
    there) is a form error, not a server error."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - whatever the decoder raised
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from (
                error
            )


class ImageForm(BaseImageForm):
    """Wagtail's image form with `SafeImageField` (WAGTAILIMAGES_IMAGE_FORM_BASE points here,
    for the single and the multiple upload views)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        # The form's fields are per-instance copies: changing this one's class changes no other.
        if type(field) is WagtailImageField:
            field.__class__ = SafeImageField
