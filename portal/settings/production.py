"""Production: everything that differs per deployment comes from the environment, and the
process refuses to start when a required variable is missing or unsafe."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production (see .env.example)."
        )
    return value


SECRET_KEY = _required("SECRET_KEY")
if len(SECRET_KEY) < 32 or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")):
    raise ImproperlyConfigured(
        "The environment variable SECRET_KEY must be a random value of at least 32 characters."
    )
_required("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
_required("DATABASE_URL")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Database: a connection attempt gives up after DATABASE_CONNECT_TIMEOUT seconds, so that a
# database that is down makes requests fail fast with the 503 page instead of hanging until
# gunicorn kills the worker. Persistent connections are checked before reuse (base.py).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(  # noqa: F405
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )

# Cache: Redis errors are logged and served around instead of raised
# (home/operations/resilience.py).
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":  # noqa: F405
    CACHES["default"]["BACKEND"] = "home.operations.resilience.ResilientRedisCache"  # noqa: F405
    CACHES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        SOCKET_CONNECT_TIMEOUT=float(os.environ.get("CACHE_CONNECT_TIMEOUT", "1")),
        SOCKET_TIMEOUT=float(os.environ.get("CACHE_TIMEOUT", "1")),
    )

# The anonymous page cache needs a cache that every worker and server shares: with a cache in
# each process's memory a publish would reach one worker while the others kept serving the old
# page. With this on, the page cache refuses to start on a per-process cache (the workers do not
# boot; `manage.py check --deploy` reports it): set CACHE_URL to Redis, or PAGE_CACHE=off.
PORTAL_PAGE_CACHE_REQUIRE_SHARED = True
