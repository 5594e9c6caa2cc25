"""Settings for the processes that test_signal_handlers.py starts: the test settings with a
database file and a file-based cache of their own, so that the test and the process share the
cache (the content generation) the way web workers and management commands share Redis.

Without the news app: its Wagtail hooks import its views, which import the page cache, and
Wagtail loads every app's hooks when it starts; the base app's invalidation must not depend
on what another app happens to import."""

import os

from portal.settings.test import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "news"]  # noqa: F405
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["PORTAL_PROCESS_DB"]}
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["PORTAL_PROCESS_CACHE"],
    }
}
