"""Production settings: the deploy check is clean, required variables are named when missing,
static files are collected with hashed names and served by WhiteNoise, gunicorn's configuration
loads."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50)[:50],
    "ALLOWED_HOSTS": "example.org",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
}


def manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION_ENV and k not in ("CACHE_URL", "REDIS_URL")
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="portal.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_reports_nothing():
    # Without Redis the page cache must be off (home/pagecache/tests/test_shared_cache.py).
    result = manage(
        "check", "--deploy", "--fail-level", "DEBUG", PAGE_CACHE="off", **PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_deploy_check_is_clean_with_redis_too():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        CACHE_URL="redis://127.0.0.1:6379/0",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_naming_the_missing_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required in production" in result.stderr


def test_production_settings_are_hardened():
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.CACHES['default']['BACKEND'], "
        "s.DATABASES['default']['OPTIONS']['connect_timeout'], "
        "s.STORAGES['staticfiles']['BACKEND'])"
    )
    environment = {**os.environ, **PRODUCTION_ENV, "CACHE_URL": "redis://127.0.0.1:6379/0"}
    environment["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "True",
        "True",
        "home.operations.resilience.ResilientRedisCache",
        "5",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]


def test_gunicorn_configuration_loads_from_the_environment():
    from gunicorn.config import Config

    code = (
        "from gunicorn.app.base import Application\n"
        "class A(Application):\n"
        "    def init(self, *a): pass\n"
        "    def load(self): pass\n"
        "    def load_config(self):\n"
        "        self.load_config_from_file('portal/gunicorn.conf.py')\n"
        "a = A(); c = a.cfg\n"
        "print(c.workers, c.timeout, c.max_requests, c.max_requests_jitter, c.preload_app, "
        "c.bind, c.worker_class_str)\n"
    )
    env = {**os.environ, "GUNICORN_WORKERS": "3", "GUNICORN_TIMEOUT": "20"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "20", "1000", "100", "True", "['127.0.0.1:8000']", "sync"]
    assert Config  # gunicorn is installed with the project


@pytest.mark.django_db
def test_collectstatic_writes_hashed_names_that_whitenoise_serves(settings, tmp_path, home):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (settings.STATIC_ROOT / "staticfiles.json").exists()

    client = Client()  # a new handler, so WhiteNoise indexes the new STATIC_ROOT
    html = client.get("/en/").content.decode()
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert css, "the page links the hashed stylesheet"
    response = client.get(css.group(1), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert response["Content-Encoding"] == "gzip"
    b"".join(response.streaming_content)


def test_every_variable_the_settings_read_is_in_env_example():
    readers = r"(?:environ\.get\(|env_list\(|_required\(|_int\()"
    pattern = re.compile(readers + r'\s*"([A-Z][A-Z0-9_]+)"')
    sources = [*(ROOT / "portal" / "settings").glob("*.py"), ROOT / "portal" / "gunicorn.conf.py"]
    read = {name for path in sources for name in pattern.findall(path.read_text())}
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert "SECRET_KEY" in read and "GUNICORN_WORKERS" in read
    assert read - listed == set()
