"""Faults against real processes and services: the cache server down, the database down and
back (a TCP proxy in front of the real PostgreSQL is cut and restored, and the app's
connections are killed with pg_terminate_backend), a gunicorn worker killed mid-traffic.

The application runs under gunicorn with portal/gunicorn.conf.py, as in production."""

import contextlib
import http.client
import os
import signal
import socket
import threading
import time
import urllib.error
import urllib.request

import psycopg2
import pytest
from django.core.cache import caches
from django.db import connection

from bench.server import Gunicorn, free_port

APP_NAME = "portal-fault-test"
RESILIENT_REDIS_DOWN = {
    "default": {
        "BACKEND": "home.operations.resilience.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://...)"
)


def get(url, timeout=10):
    """(status, body, headers) of a GET; HTTP errors are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


@pytest.fixture
def gunicorn():
    """start(database_url, workers=1, **env): gunicorn on a free loopback port with the test
    settings and this database, without the cache server (a test that wants one passes
    CACHE_URL); up once /health/ answers, even 503; stopped after the test."""
    servers = []

    def start(database_url, workers=1, **env):
        environment = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "REDIS_URL")}
        environment.update(
            DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=database_url, **env
        )
        server = Gunicorn(environment, workers=workers)
        servers.append(server)
        return server.wait_until_up(ready=(200, 503))

    yield start
    for server in servers:
        server.stop()


class TcpProxy:
    """A loopback TCP proxy to PostgreSQL that can be cut (listener and every connection
    closed, as when the server goes down) and restored on the same port."""

    def __init__(self, target_port=5432):
        self.port = free_port()
        self.target = ("127.0.0.1", target_port)
        self.sockets = set()
        self.listener = None

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(16)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.sockets |= {client, upstream}
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source, destination):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                destination.sendall(data)
        for s in (source, destination):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self):
        self.listener.close()
        for s in list(self.sockets):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
        self.sockets.clear()


def postgres_url(port, **params):
    settings = connection.settings_dict
    query = "&".join(f"{k}={v}" for k, v in {"application_name": APP_NAME, **params}.items())
    return (
        f"postgres://{settings['USER'] or 'postgres'}@127.0.0.1:{port}/{settings['NAME']}?{query}"
    )


def admin_connection():
    settings = connection.settings_dict
    conn = psycopg2.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"] or "postgres",
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
    )
    conn.autocommit = True
    return conn


def app_backends(conn):
    with conn.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", [APP_NAME])
        return {row[0] for row in cursor.fetchall()}


# -- the cache server down ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_site_serves_with_the_cache_server_down(client, settings, homes):
    settings.CACHES = RESILIENT_REDIS_DOWN
    started = time.monotonic()
    for path in ["/en/", "/fr/", "/hu/", "/en/search/?q=cluster", "/en/nope/", "/admin/login/"]:
        response = client.get(path)
        assert response.status_code in (200, 404), path
    # One connection timeout at most: after the first failure the cache is not retried
    # for PORTAL_CACHE_RETRY_SECONDS.
    assert time.monotonic() - started < 10
    cache = caches["default"]
    cache.set("k", "v")
    assert cache.get("k") is None
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("k", "v") is False
    with pytest.raises(ValueError):
        cache.incr("counter")


def test_django_s_own_redis_backend_would_raise(settings):
    """What the resilient backend protects against."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with pytest.raises(RedisConnectionError):
        caches["default"].get("k")


# -- the database down ----------------------------------------------------------------------


def test_database_unreachable_answers_a_friendly_translated_503(gunicorn):
    server = gunicorn("postgres://postgres@127.0.0.1:1/portal?connect_timeout=2")
    status, body, headers = get(server.url + "/fr/")
    assert status == 503
    assert '<html lang="fr">' in body
    assert "Traceback" not in body
    assert headers["Retry-After"] == "30"
    assert "Content-Security-Policy" in headers
    status, body, _ = get(server.url + "/en/some/page/")
    assert status == 503
    assert "Temporarily unavailable" in body
    assert get(server.url + "/admin/login/")[0] == 503
    status, body, _ = get(server.url + "/health/")
    assert status == 503
    assert '"database": "error"' in body


@needs_postgres
@pytest.mark.django_db
def test_killed_database_connections_are_replaced_on_the_next_request(gunicorn):
    server = gunicorn(postgres_url(5432), DATABASE_CONN_MAX_AGE="600")
    assert get(server.url + "/en/")[0] == 200
    with contextlib.closing(admin_connection()) as admin:
        before = app_backends(admin)
        assert before, "the worker keeps its connection (CONN_MAX_AGE)"
        with admin.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = %s",
                [APP_NAME],
            )
        for _ in range(3):
            assert get(server.url + "/en/")[0] == 200
        after = app_backends(admin)
    assert after and not (after & before)
    assert server.process.poll() is None


@needs_postgres
@pytest.mark.django_db
def test_a_database_outage_under_load_gives_503s_then_recovers_without_restart(gunicorn):
    proxy = TcpProxy()
    proxy.start()
    server = gunicorn(
        postgres_url(proxy.port, connect_timeout=2), workers=2, DATABASE_CONN_MAX_AGE="600"
    )
    workers = sorted(server.workers())
    statuses = []
    stop = threading.Event()

    def visitor():
        while not stop.is_set():
            try:
                statuses.append(get(server.url + "/en/", timeout=15)[0])
            except (OSError, http.client.HTTPException) as error:
                statuses.append(repr(error))
            time.sleep(0.02)

    visitors = [threading.Thread(target=visitor) for _ in range(3)]
    for thread in visitors:
        thread.start()
    try:
        time.sleep(1.5)
        proxy.cut()  # PostgreSQL goes away
        time.sleep(3)
        during = len(statuses)
        proxy.start()  # and comes back on the same address
        time.sleep(3)
    finally:
        stop.set()
        for thread in visitors:
            thread.join()
        with contextlib.suppress(OSError):
            proxy.cut()
    assert set(statuses) <= {200, 503}, set(statuses)
    assert 503 in statuses[:during]
    assert statuses[-5:] == [200] * 5, "served again without a restart"
    assert sorted(server.workers()) == workers, "no worker was restarted"


# -- a worker killed ------------------------------------------------------------------------


def test_a_killed_worker_loses_only_the_requests_it_held(gunicorn, tmp_path):
    server = gunicorn(f"sqlite:///{tmp_path / 'health.sqlite3'}", workers=2)
    results = []
    stop = threading.Event()

    def visitor():
        while not stop.is_set():
            try:
                results.append(get(server.url + "/health/", timeout=15)[0])
            except (OSError, http.client.HTTPException) as error:
                results.append(repr(error))

    thread = threading.Thread(target=visitor)
    thread.start()
    try:
        while len(results) < 5:  # traffic flowing
            time.sleep(0.1)
        victim = server.workers()[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            workers = server.workers()
            if len(workers) == 2 and victim not in workers:
                break
            time.sleep(0.2)
        served = len(results)
        while len(results) < served + 10 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join()
    failures = [r for r in results if r != 200]
    assert results[-10:] == [200] * 10
    assert len(failures) <= 1, failures  # one visitor: at most the request the worker held
    assert len(server.workers()) == 2 and victim not in server.workers()
