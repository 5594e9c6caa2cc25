"""Local development: DEBUG on, console e-mail, a development secret key."""

import hashlib
import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Without CACHE_URL, a cache on disk instead of each process's memory: `make run` runs the
# development server and the scheduler as two processes, and a page the scheduler publishes
# must make the server's cached pages stale (the page cache's generation is shared through
# it). One directory per checkout, in the system's temporary directory.
if not CACHE_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(
                Path(tempfile.gettempdir())
                / f"portal-cache-{hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:12]}"  # noqa: F405
            ),
        }
    }
