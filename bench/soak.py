"""The soak test: concurrent anonymous readers and an editor publishing through the admin, for
a fixed time, against gunicorn with the production settings on PostgreSQL and Redis (the page
cache on). Loopback only. See docs/benchmarks.md ("Soak").

    .venv/bin/python bench/soak.py                          # 90 s, 8 readers, a publish every 3 s
    .venv/bin/python bench/soak.py --seconds 120 --readers 12 --publish-every 2

Steps: create the soak database if needed, migrate, seed_demo, collectstatic, make sure of an
editor account (a member of the Moderators group) and of a page for it to edit, start gunicorn;
then the readers (threads, each a new connection per request) load the site's pages in turn
while the editor signs in through the admin and publishes a new heading on its page every few
seconds. Every response must be a 200 (errors: anything else, or a failed connection). For each
publish the report gives how long after the admin's answer the first reader saw the new heading,
and it counts "stale reads": a read of the page that started after a publish had been answered
and still showed an earlier heading (the page cache in Redis must make that zero).

The `AdminSession` client below (a browser without JavaScript: cookies, the CSRF token, form
fields read from the page) is also what home/pagecache/tests/test_two_servers.py uses.
"""

import argparse
import contextlib
import html
import http.client
import itertools
import json
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import uuid
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # when run as a script
from bench.server import HOST, ROOT, Gunicorn, free_port  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
if not Path(PYTHON).exists():
    PYTHON = sys.executable
EDITOR = "soak-editor"
SETTLE_SECONDS = 2  # readers keep reading this long after the last publish


# -- an HTTP client that behaves like a browser without JavaScript --------------------------


def request(base_url, method, path, body=None, headers=None, timeout=30):
    """(status, headers, body bytes) of one request on a new connection."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


class FormParser(HTMLParser):
    """The fields of every <form> of a page: [(attributes, [(name, value), ...]), ...], with
    what a browser would submit (checked boxes, selected options, no buttons or files)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.streams = {}  # StreamField name -> its blocks, as Wagtail's JavaScript gets them
        self._fields = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v if v is not None else "") for k, v in attrs}
        if "data-w-block-arguments-value" in attrs and attrs.get("id"):
            self.streams[attrs["id"]] = json.loads(attrs["data-w-block-arguments-value"])[0]
        if tag == "form":
            self._fields = []
            self.forms.append((attrs, self._fields))
        if self._fields is None:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = [name, None, None]  # name, first option, selected option
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select[1] is None:
                self._select[1] = value
            if "selected" in attrs:
                self._select[2] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self._fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, first, selected = self._select
            value = selected if selected is not None else first
            if value is not None:
                self._fields.append((name, value))
            self._select = None
        elif tag == "form":
            self._fields = None


def form_fields(page_html, form_id=None):
    """The fields of the form with this id (or of the first POST form) as a dict of lists, and
    the blocks of each StreamField on the page (drawn by JavaScript, so not among the fields)."""
    parser = FormParser()
    parser.feed(page_html)
    for attrs, fields in parser.forms:
        if (form_id and attrs.get("id") == form_id) or (
            not form_id and attrs.get("method", "").lower() == "post"
        ):
            data = {}
            for name, value in fields:
                data.setdefault(name, []).append(value)
            return data, parser.streams
    raise LookupError(f"no form {form_id or '(POST)'} on the page")


def multipart(fields, files):
    """A multipart/form-data body: fields {name: value}, files {name: (filename, bytes, type)}."""
    boundary = uuid.uuid4().hex
    lines = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            lines += [
                f"--{boundary}".encode(),
                f'Content-Disposition: form-data; name="{name}"'.encode(),
                b"",
                str(item).encode(),
            ]
    for name, (filename, content, content_type) in files.items():
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'.encode(),
            f"Content-Type: {content_type}".encode(),
            b"",
            content,
        ]
    lines += [f"--{boundary}--".encode(), b""]
    return b"\r\n".join(lines), f"multipart/form-data; boundary={boundary}"


class AdminSession:
    """One signed-in user of the Wagtail admin on one server (base_url), keeping its cookies.
    Cookies are sent to any server given in `base_url` of a call: sessions are shared."""

    def __init__(self, base_url, host=None):
        self.base_url = base_url
        self.host = host  # the Host header to send, as a load balancer passes it on
        self.cookies = {}

    def call(self, method, path, body=None, headers=None, base_url=None):
        headers = dict(headers or {})
        if self.host:
            headers["Host"] = self.host
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        status, response_headers, content = request(
            base_url or self.base_url, method, path, body, headers
        )
        for header in response_headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or (morsel.value == "" and morsel["expires"]):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return status, response_headers, content

    def get(self, path, base_url=None):
        return self.call("GET", path, base_url=base_url)

    def post(self, path, data, files=None):
        """POST a form (urlencoded, or multipart with files) with the CSRF cookie's token."""
        data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        if files:
            body, content_type = multipart(data, files)
        else:
            body = urlencode(
                [(k, v) for k, vs in data.items() for v in (vs if isinstance(vs, list) else [vs])]
            ).encode()
            content_type = "application/x-www-form-urlencoded"
        return self.call("POST", path, body, {"Content-Type": content_type})

    def sign_in(self, username, password):
        status, _, _ = self.get("/admin/login/")
        assert status == 200, f"admin login page: {status}"
        status, headers, body = self.post(
            "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
        )
        if status != 302:
            messages = re.findall(
                r'class="[^"]*(?:error|help-critical)[^"]*"[^>]*>(.*?)</', body.decode(), re.S
            )
            raise RuntimeError(f"sign-in failed ({status}): {messages or body[:300]!r}")
        return self

    def publish_page(self, page_id, **changes):
        """Open the page's edit form, change some fields, publish; the admin's status code.
        An empty StreamField is submitted empty; one with blocks is refused (a client without
        JavaScript cannot resubmit it) unless `changes` gives its form data."""
        status, _, body = self.get(f"/admin/pages/{page_id}/edit/")
        if status != 200:
            raise RuntimeError(f"edit form: {status}")
        data, streams = form_fields(body.decode(), "page-edit-form")
        data.pop("csrfmiddlewaretoken", None)
        for name, blocks in streams.items():
            if f"{name}-count" in changes:
                continue
            if blocks:
                raise RuntimeError(f"the page's {name} has blocks: give its form data")
            data[f"{name}-count"] = ["0"]
        data.update({name: [value] for name, value in changes.items()})
        data["action-publish"] = ["action-publish"]
        status, headers, body = self.post(f"/admin/pages/{page_id}/edit/", data)
        if status != 302:
            errors = re.findall(r'class="error-message"[^>]*>(.*?)<', body.decode(), re.S)
            raise RuntimeError(f"publish refused ({status}): {errors or body[:500]!r}")
        return status

    def upload(self, kind, title, filename, content, content_type, collection=1):
        """Add an image (kind "images") or a document ("documents") through the admin."""
        self.get(f"/admin/{kind}/add/")
        fields = {"title": title, "collection": str(collection)}
        if kind == "images":
            fields["description"] = title
        status, _, body = self.post(
            f"/admin/{kind}/add/", fields, files={"file": (filename, content, content_type)}
        )
        if status != 302:
            raise RuntimeError(f"upload refused ({status}): {body[:500]!r}")
        return status


# -- the soak -------------------------------------------------------------------------------


def environment(args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GUNICORN_")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=args.secret_key,
        ALLOWED_HOSTS=f"{HOST},localhost",
        DATABASE_URL=args.database_url,
        DATABASE_CONN_MAX_AGE="60",
        CACHE_URL=args.cache_url,
        CACHE_KEY_PREFIX=args.cache_prefix,
        SECURE_SSL_REDIRECT="false",
        PAGE_CACHE="on",
        LOG_LEVEL="ERROR",
        WAGTAILADMIN_BASE_URL=f"http://{HOST}:{args.port}",
        GUNICORN_LOG_LEVEL="warning",
    )
    return env


def manage(args, *command):
    return subprocess.run(
        [PYTHON, "manage.py", *command],
        cwd=ROOT,
        env=environment(args),
        check=True,
        text=True,
        capture_output=True,
    ).stdout


PREPARE = """
import json, os
from django.contrib.auth.models import Group, User
from home.models import HomePage, StandardPage
from wagtail.models import Locale

user, _ = User.objects.get_or_create(username=os.environ["SOAK_EDITOR"])
user.set_password(os.environ["SOAK_EDITOR_PASSWORD"])
user.is_active = True
user.save()
user.groups.add(Group.objects.get(name="Moderators"))
home = HomePage.objects.get(locale=Locale.get_default(), depth=2)
page = StandardPage.objects.child_of(home).filter(slug="soak").first()
if page is None:
    page = home.add_child(instance=StandardPage(title="Soak", slug="soak", body=[]))
    page.save_revision().publish()
print(json.dumps({"page_id": page.id, "url": page.get_url()}))
"""


def prepare(args):
    import psycopg2

    parts = urlsplit(args.database_url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
    )
    admin.autocommit = True
    with contextlib.closing(admin), admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    manage(args, "migrate", "--noinput", "-v0")
    manage(args, "seed_demo")
    manage(args, "collectstatic", "--noinput", "-v0")
    args.password = secrets.token_urlsafe(16)
    script = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", PREPARE],
        cwd=ROOT,
        env={**environment(args), "SOAK_EDITOR": EDITOR, "SOAK_EDITOR_PASSWORD": args.password},
        check=True,
        text=True,
        capture_output=True,
    )
    return json.loads(script.stdout.strip().splitlines()[-1])


def reader_urls(base_url, page_url):
    """The page the editor changes, every language's home, and the pages the home links."""
    urls = [page_url, "/en/", "/fr/", "/es/", "/hu/"]
    status, _, body = request(base_url, "GET", "/en/")
    for href in re.findall(r'href="(/(?:en|fr|es|hu)/[^"#?]*)"', body.decode()):
        if "/search/" not in href and href not in urls:
            urls.append(html.unescape(href))
    return urls[:25]


def soak(args, server, page):
    stop = threading.Event()
    lock = threading.Lock()
    # Publishes: [(heading, the admin's answer time)], the latest last.
    published = [("Soak", time.monotonic())]
    first_seen = {}  # heading -> time a reader first saw it
    counts = {"requests": 0, "errors": 0, "stale": 0, "page_reads": 0}
    errors = []
    latencies = []
    urls = reader_urls(server.url, page["url"])
    heading_pattern = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)

    def reader(number):
        for i in itertools.count(number):
            if stop.is_set():
                return
            url = urls[0] if i % 3 == 0 else urls[i % len(urls)]  # a third on the edited page
            with lock:
                latest, answered = published[-1]
            started = time.monotonic()
            try:
                status, _, body = request(server.url, "GET", url, timeout=30)
            except (OSError, http.client.HTTPException) as error:
                status, body = repr(error), b""
            took = time.monotonic() - started
            with lock:
                counts["requests"] += 1
                latencies.append(took)
                if status != 200:
                    counts["errors"] += 1
                    errors.append(f"{url}: {status}")
                    continue
                if url == urls[0]:
                    counts["page_reads"] += 1
                    match = heading_pattern.search(body.decode())
                    heading = html.unescape(match.group(1).strip()) if match else ""
                    first_seen.setdefault(heading, time.monotonic())
                    if heading != latest and answered < started:
                        # Started after the latest publish was answered, and shows an older
                        # heading. (A newer heading than `latest` is a publish in flight.)
                        known = [h for h, _ in published]
                        if heading in known and known.index(heading) < len(known) - 1:
                            counts["stale"] += 1

    editor_session = AdminSession(server.url).sign_in(EDITOR, args.password)
    publishes = []

    editor_stop = threading.Event()

    def editor():
        for n in itertools.count(1):
            if editor_stop.wait(args.publish_every):
                return
            heading = f"Soak {n} {uuid.uuid4().hex[:8]}"
            started = time.monotonic()
            try:
                editor_session.publish_page(page["page_id"], title=heading)
            except (RuntimeError, OSError, http.client.HTTPException) as error:
                with lock:
                    counts["errors"] += 1
                    errors.append(f"publish {n}: {error}")
                continue
            answered = time.monotonic()
            with lock:
                published.append((heading, answered))
            publishes.append((heading, started, answered))

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.readers)]
    threads.append(threading.Thread(target=editor))
    began = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(args.seconds)
    editor_stop.set()  # the readers go on a little, so that the last publish can be seen
    threads[-1].join()
    time.sleep(SETTLE_SECONDS)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began

    visible = []
    for heading, started, answered in publishes:
        seen = first_seen.get(heading)
        if seen is not None:
            visible.append((max(0.0, seen - answered), seen - started))
    unseen = [h for h, _, _ in publishes if h not in first_seen]
    latencies.sort()
    return {
        "seconds": round(elapsed, 1),
        "readers": args.readers,
        "workers": args.workers,
        "urls": len(urls),
        "requests": counts["requests"],
        "requests_per_second": round(counts["requests"] / elapsed, 1),
        "errors": counts["errors"],
        "error_samples": errors[:10],
        "publishes": len(publishes),
        "edited_page_reads": counts["page_reads"],
        "stale_reads_after_publish": counts["stale"],
        "max_visible_after_answer_s": round(max((v[0] for v in visible), default=0), 3),
        "max_visible_after_submit_s": round(max((v[1] for v in visible), default=0), 3),
        "publishes_never_seen": len(unseen),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 1) if latencies else None,
        "p99_ms": round(1000 * latencies[int(len(latencies) * 0.99)], 1) if latencies else None,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "SOAK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_soak"
        ),
    )
    parser.add_argument(
        "--cache-url", default=os.environ.get("SOAK_CACHE_URL", "redis://127.0.0.1:6379/13")
    )
    parser.add_argument("--seconds", type=float, default=90, help="how long to soak")
    parser.add_argument("--readers", type=int, default=8, help="concurrent anonymous readers")
    parser.add_argument("--publish-every", type=float, default=3, help="seconds between publishes")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    if not 0 < args.seconds <= 3600 or not 0 < args.readers <= 64:
        parser.error("--seconds must be in (0, 3600] and --readers in (0, 64]")
    args.secret_key = secrets.token_urlsafe(50)
    args.cache_prefix = f"soak-{uuid.uuid4().hex[:8]}"
    if not args.port:
        args.port = free_port()

    print("Preparing the soak database (migrate, seed_demo, collectstatic)...", flush=True)
    page = prepare(args)
    server = Gunicorn(environment(args), port=args.port, workers=args.workers, quiet=False)
    server.wait_until_up()
    try:
        print(
            f"Soaking for {args.seconds:.0f} s: {args.readers} readers, a publish every "
            f"{args.publish_every:g} s, {args.workers} gunicorn workers",
            flush=True,
        )
        report = soak(args, server, page)
    finally:
        server.stop()
        with contextlib.suppress(Exception):
            import redis

            client = redis.Redis.from_url(args.cache_url)
            for key in client.scan_iter(f"{args.cache_prefix}:*"):
                client.delete(key)
    print(json.dumps(report, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
    if report["errors"] or report["stale_reads_after_publish"] or report["publishes_never_seen"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
