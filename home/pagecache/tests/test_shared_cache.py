"""Production refuses to run the page cache on a cache kept in each process's memory: a publish
would reach one worker while the others kept serving the old page. The workers do not start
(the WSGI application refuses to load) and `manage.py check --deploy` names the settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50)[:50],
    "ALLOWED_HOSTS": "example.org",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
}
LOAD_WSGI = "from portal.wsgi import application; print('loaded')"


def run(args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION and k not in ("CACHE_URL", "REDIS_URL", "PAGE_CACHE")
    }
    environment.update(PRODUCTION, **env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_workers_refuse_to_start_on_a_per_process_cache():
    result = run(["-c", LOAD_WSGI])
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "PORTAL_PAGE_CACHE_ENABLED" in result.stderr
    assert "CACHE_URL" in result.stderr
    assert "LocMemCache" in result.stderr


def test_the_deploy_check_names_the_setting():
    result = run(["manage.py", "check", "--deploy"])
    assert result.returncode != 0
    assert "portal.pagecache.E001" in result.stderr
    assert "CACHE_URL" in result.stderr


def test_the_workers_start_on_a_shared_cache_or_without_the_page_cache():
    with_redis = run(["-c", LOAD_WSGI], CACHE_URL="redis://127.0.0.1:6379/0")
    assert with_redis.returncode == 0, with_redis.stderr
    assert with_redis.stdout.strip() == "loaded"
    without_page_cache = run(["-c", LOAD_WSGI], PAGE_CACHE="off")
    assert without_page_cache.returncode == 0, without_page_cache.stderr
    assert run(["manage.py", "check", "--deploy"], PAGE_CACHE="off").returncode == 0
