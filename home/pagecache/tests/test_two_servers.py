"""Scale-out on one machine: two application servers (gunicorn with the production settings, on
two loopback ports) sharing one PostgreSQL database, one Redis (cache, page cache, sessions) and
one S3-compatible object store (moto's server). An editor signs in and works through server A's
admin; server B, whose anonymous page cache already holds the page, serves the edit at once,
shows the image uploaded through A (renditions on the object store) and serves the document
uploaded through A; the editor's session from A is valid on B.

The servers get a database of their own, copied from the test database once the content is
committed (CREATE DATABASE ... TEMPLATE), and their own Redis key prefix (Redis database 12)."""

import contextlib
import os
import re
import secrets
import socket
import time
import uuid

import psycopg2
import pytest
import redis
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection

from bench.server import Gunicorn, free_port
from bench.soak import AdminSession, request
from home.operations.tests.object_store import S3Server, http_get, storage_environment
from home.operations.tests.test_security_uploads import png_bytes

REDIS_URL = "redis://127.0.0.1:6379/12"
# The host name that the load balancer passes on to both servers (the page cache is per host).
HOST = "portal.test"
PDF = b"%PDF-1.4\n% shared between servers\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def redis_is_up():
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", 6379), 1):
        return True
    return False


pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL shared by both servers (DATABASE_URL=postgres://...)",
    ),
    pytest.mark.skipif(not redis_is_up(), reason="needs Redis on 127.0.0.1:6379"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def admin_connection():
    settings = connection.settings_dict
    conn = psycopg2.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"] or "postgres",
        password=settings["PASSWORD"] or None,
        dbname="postgres",
    )
    conn.autocommit = True
    return conn


@pytest.fixture
def editor(homes, django_user_model):
    """A member of the Moderators group (edit, publish, upload): (username, password)."""
    password = secrets.token_urlsafe(12)
    user = django_user_model.objects.create_user("editor", "editor@example.org")
    # Hashed as the production settings hash (the test settings' fast hasher is not theirs).
    user.password = PBKDF2PasswordHasher().encode(password, PBKDF2PasswordHasher().salt())
    user.save()
    user.groups.add(Group.objects.get(name="Moderators"))
    return user.username, password


@pytest.fixture
def servers_database(homes, editor):
    """A copy of the test database, content committed (transactional test), for the servers."""
    source = connection.settings_dict["NAME"]
    name = f"{source}_servers_{uuid.uuid4().hex[:6]}"
    connection.close()  # a template database must have no other connection
    with contextlib.closing(admin_connection()) as admin, admin.cursor() as cursor:
        for attempt in range(20):
            try:
                cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
                break
            except psycopg2.errors.ObjectInUse:
                if attempt == 19:
                    raise
                time.sleep(0.5)
    settings = connection.settings_dict
    yield f"postgres://{settings['USER'] or 'postgres'}@127.0.0.1:{settings['PORT'] or 5432}/{name}"
    with contextlib.closing(admin_connection()) as admin, admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def s3():
    server = S3Server()
    yield server
    server.stop()


@pytest.fixture
def redis_prefix():
    prefix = f"two-servers-{uuid.uuid4().hex[:8]}"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


class Server(Gunicorn):
    """One of the pair: gunicorn with the production settings (two_servers_settings.py), one
    worker, its admin's base URL its own address, asked for pages under the shared host name
    as a load balancer would ask."""

    def __init__(self, environment):
        port = free_port()
        base_url = {"WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}"}
        super().__init__({**environment, **base_url}, port=port, workers=1)

    def get(self, path):
        status, headers, body = request(self.url, "GET", path, headers={"Host": HOST})
        return status, headers, body.decode(errors="replace")


@pytest.fixture
def two_servers(editor, servers_database, s3, redis_prefix):
    """Servers A and B on the same database, Redis and bucket; the editor's credentials."""
    bucket = s3.new_bucket()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    environment = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "home.pagecache.tests.two_servers_settings",
        "SECRET_KEY": secrets.token_urlsafe(50),  # the same on both: sessions are shared
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DATABASE_URL": servers_database,
        "DATABASE_CONN_MAX_AGE": "60",
        "CACHE_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": redis_prefix,
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE": "on",
        "LOG_LEVEL": "ERROR",
        **storage_environment(s3, bucket),
    }
    servers = [Server(environment), Server(environment)]  # both start at once
    try:
        for server in servers:
            server.wait_until_up()
        yield (*servers, editor, f"{s3.endpoint}/{bucket}/", bucket)
    finally:
        for server in servers:
            server.stop()


def test_an_edit_and_media_through_server_a_are_served_by_server_b(
    two_servers, homes, s3, redis_prefix
):
    a, b, (username, password), media_base, bucket = two_servers
    home = homes["en"]

    # B has served the home page and holds it in the shared page cache.
    for expected in ("miss", "hit"):
        status, headers, html = b.get("/en/")
        assert status == 200 and headers["X-Page-Cache"] == expected
    assert "Cluster managers for Industry 4.0" in html
    assert a.get("/en/")[1]["X-Page-Cache"] == "hit", "A reads the same cache"

    # The editor signs in on A, uploads an image and a document and publishes an edit.
    editor = AdminSession(a.url, host=HOST).sign_in(username, password)
    editor.upload("images", "Cluster meeting", "meeting.png", png_bytes((1200, 800)), "image/png")
    editor.upload("documents", "Grant agreement", "grant.pdf", PDF, "application/pdf")
    image_id = re.search(r"/admin/images/(\d+)/", editor.get("/admin/images/")[2].decode())[1]
    document_path = re.search(
        r'href="(/documents/\d+/grant[^"]*\.pdf)"', editor.get("/admin/documents/")[2].decode()
    )[1]
    assert s3.keys(bucket, "original_images/") and s3.keys(bucket, "documents/")
    editor.publish_page(home.id, hero_heading="Published through server A", hero_image=image_id)

    # B serves the new version at once (the publish on A invalidated the shared cache) ...
    status, headers, html = b.get("/en/")
    assert status == 200
    assert headers["X-Page-Cache"] == "miss"
    assert "Published through server A" in html
    assert "Cluster managers for Industry 4.0" not in html
    assert b.get("/en/")[1]["X-Page-Cache"] == "hit"

    # ... with the image from the object store, its renditions written there by B ...
    image_urls = [u.split(" ")[0] for u in re.findall(r'src(?:set)?="([^"]+)"', html)]
    image_urls = [u for u in image_urls if "/images/" in u]
    assert image_urls and all(u.startswith(media_base + "images/") for u in image_urls)
    assert {u.removeprefix(media_base) for u in image_urls} <= set(s3.keys(bucket, "images/"))
    for url in set(image_urls):
        status, body, headers = http_get(url)
        assert status == 200 and headers["Content-Type"] in ("image/webp", "image/jpeg")

    # ... and the document uploaded through A, streamed by B from the object store.
    status, headers, body = request(b.url, "GET", document_path, headers={"Host": HOST})
    assert status == 200 and body == PDF
    assert headers["Content-Type"] == "application/pdf"

    # The editor's session, created on A, is valid on B (sessions: database + Redis).
    status, _, page = editor.get("/admin/", base_url=b.url)
    assert status == 200 and "Dashboard" in page.decode()
    assert editor.get("/admin/", base_url=a.url)[0] == 200
    session_keys = redis.Redis.from_url(REDIS_URL).keys(f"{redis_prefix}:*sessions.cached_db*")
    assert len(session_keys) == 1, "the session is read through Redis"
    assert AdminSession(b.url, host=HOST).get("/admin/")[0] == 302, (
        "a visitor without it is sent to log in"
    )
