"""Security headers on every response (public pages, 404, search, admin, health), the public
CSP holding with the templates as they are (no inline script or style), the admin's relaxed
policy, HSTS over HTTPS."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import Page

from home.pages.factories import StandardPageFactory

PUBLIC_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    page = StandardPageFactory(parent=home, title="About", slug="about", intro="Who we are.")
    page.save_revision().publish()
    return page


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Content-Security-Policy-Report-Only" not in response


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/en/", 200),
        ("/fr/", 200),
        ("/en/about/", 200),
        ("/en/search/?q=cluster", 200),
        ("/en/no-such-page/", 404),
        ("/health/", 200),
    ],
)
def test_public_responses_carry_the_strict_policy(client, homes, about, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response["Content-Security-Policy"] == PUBLIC_CSP
    assert response["X-Frame-Options"] == "DENY"
    assert_common_headers(response)


def test_redirects_carry_the_headers_too(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Content-Security-Policy"] == PUBLIC_CSP


def test_admin_gets_a_relaxed_same_origin_policy(client, home):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "http" not in policy  # no third-party host anywhere
    assert response["X-Frame-Options"] == "DENY"
    assert_common_headers(response)


def test_admin_page_preview_may_be_framed_by_the_admin_only(client, about, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(admin)
    edit = client.get(f"/admin/pages/{about.id}/edit/")
    assert edit.status_code == 200
    preview = client.get(f"/admin/pages/{about.id}/edit/preview/")
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]


def test_hsts_is_sent_over_https(client, home, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_a_view_that_sets_its_own_policy_keeps_it(client, home):
    """Wagtail's document view sends a stricter policy of its own; it is not overwritten."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(title="Report", file=ContentFile(b"%PDF-1.4\n", "r.pdf"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


def other_host(url, host="testserver"):
    return urlsplit(url).netloc not in ("", host)


def blocked_by_public_csp(html):
    """What in this HTML the public policy would block: inline scripts, style elements and
    attributes, event handler attributes, javascript: URLs, resources from other hosts."""
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for script in soup.find_all("script"):
        if script.get("type") in ("application/json", "application/ld+json"):
            continue  # data, never executed
        if not script.get("src"):
            problems.append(f"inline script: {str(script)[:80]}")
        elif other_host(script["src"]):
            problems.append(f"third-party script: {script['src']}")
    problems += [f"style element: {str(s)[:80]}" for s in soup.find_all("style")]
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            if attribute == "style":
                problems.append(f"style attribute on <{tag.name}>")
            if attribute.startswith("on"):
                problems.append(f"event handler {attribute} on <{tag.name}>")
            if attribute in ("href", "src", "action") and str(value).lower().startswith(
                "javascript:"
            ):
                problems.append(f"javascript: URL on <{tag.name}>")
        stylesheet = tag.name == "link" and "stylesheet" in tag.get("rel", [])
        if stylesheet and other_host(tag.get("href", "")):
            problems.append(f"third-party stylesheet: {tag['href']}")
    return problems


def test_every_public_page_renders_within_the_policy(client, homes, about, funding):
    """Every live page of the tree (whatever apps add), search and the 404 page."""
    urls = [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()]
    urls += ["/en/search/?q=cluster", "/fr/search/", "/en/no-such-page/"]
    assert len(urls) >= 7
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert blocked_by_public_csp(response.content.decode()) == [], url


def test_the_userbar_for_editors_needs_nothing_the_policy_blocks(client, about):
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(editor)
    response = client.get("/en/about/")
    html = response.content.decode()
    assert "wagtail-userbar" in html
    assert response["Content-Security-Policy"] == PUBLIC_CSP
    # The userbar's markup is in a <template> with its scripts and stylesheet as files.
    soup = BeautifulSoup(html, "html.parser")
    scripts = [s["src"] for s in soup.find_all("script") if s.get("src")]
    assert any("userbar" in src for src in scripts)
    assert all(urlsplit(src).path.startswith("/static/") for src in scripts), scripts
    assert blocked_by_public_csp(html) == []


def test_the_rendered_page_preview_may_be_framed_by_the_admin(about):
    """Wagtail renders a preview by passing a dummy request for the page's public URL through
    the middleware: the response is framed by the editor, so it must not forbid framing."""
    preview = about.make_preview_request()
    assert preview.status_code == 200
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert "frame-ancestors 'none'" not in preview["Content-Security-Policy"]
