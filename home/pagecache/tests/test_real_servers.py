"""The page cache against real processes: gunicorn (production settings, two workers) on a copy
of the PostgreSQL test database, a Redis server of the test's own (appendonly, so it keeps its
data across a restart), a local HTTP server standing for the CDN's purge endpoint
(FRONTEND_CACHE_PURGE_URL), and content changed by `manage.py shell` processes that exit
afterwards, as an editor's request, a data fix or the scheduler would.

- both workers serve a publish at once;
- an article published while Redis is down (by a process that is gone when Redis returns with
  its data from before the outage) is listed by the next request;
- a page made private is no longer served from the cache, and a purge request is sent."""

import http.server
import os
import secrets
import subprocess
import sys
import threading

import pytest
from django.db import connection

from bench.server import Gunicorn, free_port
from bench.soak import request
from home.pagecache.tests.redis_server import RedisServer
from home.pagecache.tests.test_two_servers import (  # noqa: F401 (fixtures)
    editor,
    servers_database,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
HOST = "portal.test"

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL shared by the processes (DATABASE_URL=postgres://...)",
    ),
    pytest.mark.skipif(not RedisServer.available(), reason="needs redis-server"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBLISH = """
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage
from wagtail.models import Page
index = NewsIndexPage.objects.filter(locale__language_code="en").first()
if index is None:
    home = Page.objects.get(depth=2, locale__language_code="en")
    index = NewsIndexPageFactory(parent=home, title="News", slug="news")
    index.save_revision().publish()
article = NewsPageFactory(parent=index, title={title!r}, slug={slug!r})
article.save_revision().publish()
"""

MAKE_PRIVATE = """
from wagtail.models import Page, PageViewRestriction
page = Page.objects.get(slug={slug!r})
PageViewRestriction.objects.create(
    page=page, restriction_type=PageViewRestriction.PASSWORD, password="consortium only"
)
"""


class PurgeRecorder(http.server.ThreadingHTTPServer):
    """The CDN's purge endpoint: records (method, Host, path) of each request."""

    def __init__(self):
        self.requests = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
                recorder.requests.append(("PURGE", self.headers["Host"], self.path))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", free_port()), Handler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def stop(self):
        self.shutdown()
        self.server_close()


@pytest.fixture
def own_redis(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def purges():
    recorder = PurgeRecorder()
    yield recorder
    recorder.stop()


@pytest.fixture
def environment(request, homes, own_redis, purges):
    database = request.getfixturevalue("servers_database")  # (imported above)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "GUNICORN_"))}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "home.pagecache.tests.two_servers_settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DATABASE_URL": database,
        "DATABASE_CONN_MAX_AGE": "60",
        "CACHE_URL": own_redis.url,
        "CACHE_KEY_PREFIX": "real-servers",
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE": "on",
        "LOG_LEVEL": "ERROR",
        "FRONTEND_CACHE_PURGE_URL": purges.url,
    }


def shell(environment, code):
    """Runs `code` in a `manage.py shell` process of its own, which then exits."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--command", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def server(environment):
    shell(environment, PUBLISH.format(title="Cluster managers meet in Lyon", slug="lyon"))
    gunicorn = Gunicorn(environment, workers=2)
    try:
        yield gunicorn.wait_until_up()
    finally:
        gunicorn.stop()


def get(server, path):
    status, headers, body = request(server.url, "GET", path, headers={"Host": HOST})
    return status, headers.get("X-Page-Cache"), body.decode(errors="replace")


def warm(server, path):
    """Until every worker answers `path` from the cache (requests go to either worker)."""
    for _ in range(20):
        get(server, path)
    answers = [get(server, path) for _ in range(8)]
    assert all(status == 200 and cache == "hit" for status, cache, _ in answers)


def test_workers_outage_and_privacy_against_real_redis_and_postgresql(
    server, environment, own_redis, purges
):
    index = "/en/news/"
    warm(server, index)

    # A publish by another process: both workers list it on their next requests.
    shell(environment, PUBLISH.format(title="BRILLIANT kicks off", slug="brilliant"))
    for _ in range(8):
        status, _cache, html = get(server, index)
        assert status == 200 and "BRILLIANT kicks off" in html
    warm(server, index)

    # Redis stops; an article is published by a process that then exits; Redis comes back
    # with its data from before the outage (the old generation and the cached index).
    own_redis.stop()
    shell(environment, PUBLISH.format(title="Training catalogue opens", slug="catalogue"))
    own_redis.start()
    assert own_redis.client().dbsize() > 1
    for _ in range(8):
        status, _cache, html = get(server, index)
        assert status == 200 and "Training catalogue opens" in html

    # A page made private: not served from the cache any more, gone from the listing, and
    # purged from the CDN once the change is committed.
    warm(server, "/en/news/lyon/")
    warm(server, index)
    purges.requests.clear()
    shell(environment, MAKE_PRIVATE.format(slug="lyon"))
    for _ in range(8):
        status, cache, html = get(server, "/en/news/lyon/")
        assert cache != "hit"
        assert "Cluster managers meet in Lyon" not in html or "password" in html.lower()
        assert "Cluster managers meet in Lyon" not in get(server, index)[2]
    purged_paths = {path for method, _host, path in purges.requests if method == "PURGE"}
    assert {"/en/news/lyon/", "/en/news/"} <= purged_paths


def test_a_warm_worker_answers_hits_without_asking_redis(server, own_redis):
    """Each worker follows the content generation through its Redis subscription and keeps
    the entries it serves (home/pagecache/watch.py): forty hits cost Redis no command at all,
    where each used to cost one round trip. A publish is still seen at once (above)."""
    path = "/en/news/lyon/"
    warm(server, path)
    redis = own_redis.client()
    before = redis.info("stats")["total_commands_processed"]
    for _ in range(40):
        status, cache, html = get(server, path)
        assert (status, cache) == (200, "hit") and "Cluster managers meet in Lyon" in html
    after = redis.info("stats")["total_commands_processed"]
    assert after - before <= 2  # the INFO above, and at most one periodic re-read
