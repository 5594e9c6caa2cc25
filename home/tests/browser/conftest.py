"""The browser suite's harness: Playwright for Python driving Debian's Chromium against the site
served by the test run itself on loopback (pytest-django's `live_server`).

- Chromium is the system one (`/usr/bin/chromium`, `apt-get install chromium`); nothing is
  downloaded. Playwright's `launch()` gives every browser a fresh temporary profile.
- Every test starts from a clean database holding the demo content: the first test runs
  `seed_demo` and keeps a serialised snapshot of the result, the following ones flush the
  database and load the snapshot (seeding through wagtail-localize takes far longer).
- Every browser context records its requests and aborts any that would leave loopback; tests
  check `context.guard` and the harness fails a test whose pages tried.
- On failure, every open page is saved as a screenshot under `test-artifacts/browser/`
  (set PORTAL_BROWSER_SCREENSHOTS=1 to keep the site checks' screenshots of every page too).
"""

import json
import os
import re
from io import StringIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from wagtail.models import Site

# The live server listens on the loopback address itself, not on a name.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

BASE_DIR = Path(__file__).resolve().parents[3]
ARTIFACTS = BASE_DIR / "test-artifacts" / "browser"
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about"}
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
TIMEOUT_MS = 15_000

_snapshot = {}
FIRST_LOADED = {"contenttypes.contenttype", "auth.permission"}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(_reports_key, {})[report.when] = report
    return report


_reports_key = pytest.StashKey[dict]()


def is_loopback(url):
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOOPBACK


def slug(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")[:120]


# --- Browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def playwright():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API drives its own event loop in a greenlet; Django sees a running
    # loop in the test thread and would refuse the test's own (synchronous) database queries.
    # Set only while a browser module runs, so that other tests' subprocesses do not inherit it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as instance:
        yield instance
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def browser(playwright):
    if not os.access(CHROMIUM, os.X_OK):
        message = (
            f"No Chromium at {CHROMIUM}: install Debian's (apt-get install chromium) or set "
            "PORTAL_CHROMIUM."
        )
        if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


class NetworkGuard:
    """Records every request of a browser context and aborts those that would leave loopback,
    except URLs a test has routed itself (an outbound link it intercepts on purpose)."""

    def __init__(self):
        self.requests = []
        self.foreign = []
        self.failed = []

    def on_request(self, request):
        self.requests.append(request.url)

    def on_response(self, response):
        if response.status >= 400 and is_loopback(response.url):
            self.failed.append(f"{response.status} {response.url}")

    def route(self, route):
        if is_loopback(route.request.url):
            route.fallback()
        else:
            self.foreign.append(route.request.url)
            route.abort("blockedbyclient")

    def reset(self):
        self.requests.clear()
        self.foreign.clear()
        self.failed.clear()


@pytest.fixture
def new_context(browser, live_server, request):
    """A factory of browser contexts on the live server: `new_context(locale="hu-HU",
    viewport=PHONE)`. Each one has a `guard` (NetworkGuard); all are closed after the test,
    their pages saved as screenshots first if the test failed. A test fails if a public
    context tried to leave loopback; an admin one (`public=False`) is only kept on loopback.

    With SQLite the live server's threads share one in-memory connection: close a staff
    context before a visitor's browses, so that two requests never overlap."""
    contexts = []

    def make(*, public=True, **options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("locale", "en-GB")
        options.setdefault("base_url", live_server.url)
        # axe-core is injected as an inline script; a Content-Security-Policy must not stop it.
        options.setdefault("bypass_csp", True)
        options.setdefault("service_workers", "block")
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        guard = NetworkGuard()
        context.on("request", guard.on_request)
        context.on("response", guard.on_response)
        context.route("**/*", guard.route)
        context.guard = guard
        context.public = public
        contexts.append(context)
        return context

    yield make

    reports = request.node.stash.get(_reports_key, {})
    failed = any(report.failed for report in reports.values())
    for index, context in enumerate(contexts):
        if failed:
            for number, page in enumerate(context.pages):
                save_screenshot(page, f"{request.node.name}/context{index}-page{number}")
        foreign = list(context.guard.foreign)
        context.close()
        if foreign and context.public and not failed:
            pytest.fail(f"Requests left loopback: {foreign}")


@pytest.fixture
def page(new_context):
    """A desktop-sized page in an English-speaking browser."""
    return new_context().new_page()


def save_screenshot(page, name):
    path = ARTIFACTS / f"{slug(name)}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=str(path), full_page=True, timeout=TIMEOUT_MS)
    except Exception as error:  # noqa: BLE001 - a screenshot must never hide the real failure
        path.with_suffix(".txt").write_text(f"screenshot failed: {error}\n")
    return path


# --- Site under test ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, answering one request at a time: with SQLite its threads
    would share one in-memory connection, and Wagtail's admin sends requests in parallel
    (preview, autosave), which SQLite then refuses with "database table is locked"."""
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread
    from pytest_django.live_server_helper import LiveServer

    class SerialWSGIServer(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    class SerialLiveServerThread(LiveServerThread):
        server_class = SerialWSGIServer

    server = LiveServer(os.environ["DJANGO_LIVE_TEST_SERVER_ADDRESS"], start=False)
    server.thread.__class__ = SerialLiveServerThread
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("browser-media")


@pytest.fixture(autouse=True)
def _media_root(settings, browser_media_root):
    """One media folder for the whole browser suite: the demo snapshot's images and renditions
    stay valid from one test to the next (overrides the root conftest's per-test folder)."""
    settings.MEDIA_ROOT = browser_media_root


@pytest.fixture
def demo(live_server, django_db_serialized_rollback, _media_root):
    """A clean database holding the demo content, the default site answering on the live
    server's address (absolute URLs, such as the language switcher's, point back to it)."""
    if "data" not in _snapshot:
        call_command("seed_demo", skip_index=False, stdout=StringIO())
        # Content types first: signal handlers of the objects loaded after them look them up.
        rows = json.loads(connection.creation.serialize_db_to_string())
        rows.sort(key=lambda row: row["model"] not in FIRST_LOADED)
        _snapshot["data"] = json.dumps(rows)
    else:
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(_snapshot["data"])
        reset_sequences()
    site = Site.objects.get(is_default_site=True)
    site.hostname = "127.0.0.1"
    site.port = live_server.thread.port
    site.save()
    cache.clear()
    yield live_server
    cache.clear()


def reset_sequences():
    """Rows loaded with their ids leave PostgreSQL's sequences where the flush put them (1):
    move every sequence past the highest id, as `manage.py sqlsequencereset` does."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def absolute(live_server, url):
    return urljoin(live_server.url + "/", url)
