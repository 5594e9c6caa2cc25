"""The outbound link checker against a local HTTP server started here on 127.0.0.1."""

import socket
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from home.pages.factories import StandardPageFactory
from training import linkcheck
from training.factories import TrainingResourcePageFactory
from training.models import LinkCheck

pytestmark = pytest.mark.django_db

SLOW = 3.0  # seconds the /slow path waits; the checker's time-out is far shorter
TIMEOUT = 0.5


class Handler(BaseHTTPRequestHandler):
    hits = []

    def log_message(self, *args):
        pass

    def _answer(self, with_body):
        Handler.hits.append((self.command, self.path))
        path = self.path.split("?", 1)[0]
        if path == "/ok":
            self._send(200, with_body)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path.startswith("/to-"):
            self.send_response(302)
            self.send_header("Location", self.path[4:].replace("_", ":", 1))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/missing":
            self._send(404, with_body)
        elif path == "/error":
            self._send(500, with_body)
        elif path == "/no-head":
            self._send(405 if self.command == "HEAD" else 200, with_body)
        elif path == "/slow":
            time.sleep(SLOW)
            self._send(200, with_body)
        else:
            self._send(404, with_body)

    def _send(self, code, with_body):
        body = b"hello"
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def refused_url():
    """A URL on a loopback port nobody listens on."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/"


def test_classification_of_each_case(server, refused_url):
    ok = linkcheck.check_url(f"{server}/ok", timeout=TIMEOUT)
    assert (ok.status, ok.status_code, ok.final_url) == ("ok", 200, f"{server}/ok")

    moved = linkcheck.check_url(f"{server}/moved", timeout=TIMEOUT)
    assert (moved.status, moved.status_code, moved.final_url) == (
        "redirected",
        200,
        f"{server}/ok",
    )

    missing = linkcheck.check_url(f"{server}/missing", timeout=TIMEOUT)
    assert (missing.status, missing.status_code) == ("broken", 404)

    error = linkcheck.check_url(f"{server}/error", timeout=TIMEOUT)
    assert (error.status, error.status_code) == ("broken", 500)

    no_head = linkcheck.check_url(f"{server}/no-head", timeout=TIMEOUT)
    assert (no_head.status, no_head.status_code) == ("ok", 200)

    started = time.monotonic()
    slow = linkcheck.check_url(f"{server}/slow", timeout=TIMEOUT)
    assert slow.status == "error"
    assert "timed out" in slow.error
    assert time.monotonic() - started < SLOW

    refused = linkcheck.check_url(refused_url, timeout=TIMEOUT)
    assert refused.status == "error"
    assert "refused" in refused.error.lower()


@pytest.mark.parametrize(
    "url",
    [
        "mailto:contact@example.org",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://127.0.0.1/file",
        "/en/about/",
        "http:///no-host",
    ],
)
def test_non_http_urls_are_never_fetched(url):
    assert not linkcheck.is_checkable(url)
    result = linkcheck.check_url(url, timeout=TIMEOUT)
    assert result.status == "error"
    assert result.status_code is None


@pytest.mark.parametrize("target", ["file_///etc/passwd", "ftp_//127.0.0.1/x", "mailto_a@b.c"])
def test_redirect_to_non_http_scheme_is_not_followed(server, target):
    result = linkcheck.check_url(f"{server}/to-{target}", timeout=TIMEOUT)
    assert result.status == "error"
    assert "non-http(s)" in result.error


def test_run_time_is_bounded(server):
    urls = [f"{server}/slow?{n}" for n in range(6)] + [f"{server}/ok"]
    started = time.monotonic()
    results = linkcheck.check_urls(urls, workers=2, timeout=TIMEOUT, deadline=1.2)
    elapsed = time.monotonic() - started
    assert elapsed < 2.0  # six slow URLs on two workers would take 3 × 0.5 s at least
    assert len(results) == len(urls)
    assert all(results[url].status == "error" for url in urls[:6])
    assert all("timed out" in results[url].error for url in urls[:6])


def test_concurrency(server):
    urls = [f"{server}/slow?c{n}" for n in range(4)]
    started = time.monotonic()
    linkcheck.check_urls(urls, workers=4, timeout=TIMEOUT)
    assert time.monotonic() - started < 4 * TIMEOUT


@pytest.fixture
def linked_pages(homes, server, refused_url):
    from training.factories import TrainingIndexPageFactory

    index = TrainingIndexPageFactory(parent=homes["en"])
    resource = TrainingResourcePageFactory(
        parent=index, external_url=f"{server}/missing", licence_url=f"{server}/ok"
    )
    page = StandardPageFactory(parent=homes["en"], slug="links")
    page.body = [
        (
            "paragraph",
            f'<p><a href="{server}/moved">moved</a> <a href="mailto:a@example.org">mail</a> '
            f'<a href="javascript:alert(1)">js</a> <a href="{refused_url}">down</a></p>',
        ),
        (
            "call_to_action",
            {
                "title": "Go",
                "text": "",
                "button_label": "Go",
                "page": None,
                "external_url": f"{server}/error",
            },
        ),
    ]
    page.save_revision().publish()
    return {"resource": resource, "page": page}


def test_collects_links_from_url_fields_rich_text_and_blocks(linked_pages, server, refused_url):
    skipped = set()
    found = linkcheck.collect_links(skipped)
    page_id, resource_id = linked_pages["page"].id, linked_pages["resource"].id
    assert found[f"{server}/missing"] == {resource_id}
    assert found[f"{server}/ok"] == {resource_id}
    assert found[f"{server}/moved"] == {page_id}
    assert found[f"{server}/error"] == {page_id}
    assert found[refused_url] == {page_id}
    assert skipped == {"mailto:a@example.org", "javascript:alert(1)"}


def test_command_records_results_and_is_rerunnable(linked_pages, server, refused_url):
    Handler.hits.clear()
    out = StringIO()
    call_command("check_links", timeout=TIMEOUT, stdout=out)
    output = out.getvalue()
    assert "[5/5]" in output
    assert "2 non-http links skipped" in output
    checks = {check.url: check for check in LinkCheck.objects.all()}
    assert checks[f"{server}/ok"].status == "ok"
    assert checks[f"{server}/moved"].status == "redirected"
    assert checks[f"{server}/moved"].final_url == f"{server}/ok"
    assert checks[f"{server}/missing"].status == "broken"
    assert checks[f"{server}/error"].status_code == 500
    assert checks[refused_url].status == "error"
    missing = checks[f"{server}/missing"]
    assert missing.first_failed is not None and missing.last_checked is not None
    assert list(missing.pages.all()) == [linked_pages["resource"].page_ptr]
    assert checks[f"{server}/ok"].first_failed is None
    assert all(path.startswith("/") for _, path in Handler.hits)

    first_failed = missing.first_failed
    call_command("check_links", timeout=TIMEOUT, stdout=StringIO())
    assert LinkCheck.objects.count() == 5
    missing.refresh_from_db()
    assert missing.first_failed == first_failed  # failing since the first failure
    assert missing.last_checked > first_failed


def test_broken_links_report(client, linked_pages, server):
    check = LinkCheck.objects.create(
        url=f"{server}/missing",
        status="broken",
        status_code=404,
        last_checked=timezone.now(),
        first_failed=timezone.now() - timedelta(days=2),
    )
    check.pages.set([linked_pages["resource"]])
    LinkCheck.objects.create(url=f"{server}/ok", status="ok", status_code=200)
    User = get_user_model()
    admin = User.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/reports/broken-links/")
    assert response.status_code == 200
    assert f"{server}/missing" in response.text
    assert f"{server}/ok<" not in response.text
    assert f"/admin/pages/{linked_pages['resource'].id}/edit/" in response.text


def test_broken_links_report_refused_without_page_permissions(client, site):
    from django.contrib.auth.models import Permission

    User = get_user_model()
    user = User.objects.create_user("reader", "r@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/reports/broken-links/")
    assert response.status_code in (302, 403)
