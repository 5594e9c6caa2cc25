"""Test settings: the same apps and middleware as production, with fast hashing, a local memory
cache and plain static storage. The database follows DATABASE_URL (PostgreSQL in CI)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
PORTAL_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# The anonymous page cache is off so that tests (query budgets above all) measure rendering;
# home/pagecache/tests/test_caching.py turns it on.
PORTAL_PAGE_CACHE_ENABLED = False
