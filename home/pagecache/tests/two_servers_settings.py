"""The settings of the servers that home/pagecache/tests/test_two_servers.py starts: the production
settings unchanged but for static files, which are served from the apps' folders without the
hashed manifest, so that the servers start without a collectstatic run (the hashed, compressed
static files are tested in test_production.py)."""

from portal.settings.production import *  # noqa: F403

STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
