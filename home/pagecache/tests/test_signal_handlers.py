"""Invalidation is connected when the apps load (HomeConfig.ready()), not when some module
happens to be imported: a management command or a shell that edits content bumps the shared
content generation too, so web workers stop serving the old page. The process is a real
`manage.py` with its own database file and a file-based cache shared with the test."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.cache.backends.filebased import FileBasedCache

from home.pagecache.cache import current_generation

ROOT = Path(__file__).resolve().parents[3]

# An edit saved straight to the live page, as a data fix or an import would: nothing else in
# the process (no admin, no URL, no hook) loads the page cache's modules.
EDIT = """
from wagtail.models import Page
page = Page.objects.get(depth=2).specific
page.title = "Edited from a shell"
page.save()
"""


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_a_page_edited_in_a_management_process_bumps_the_shared_generation(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "home.pagecache.tests.process_settings",
        "PORTAL_PROCESS_DB": str(tmp_path / "db.sqlite3"),
        "PORTAL_PROCESS_CACHE": str(tmp_path / "cache"),
    }
    env.pop("DATABASE_URL", None)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    shared = FileBasedCache(str(tmp_path / "cache"), {})
    before = current_generation(shared)

    manage(env, "shell", "--command", EDIT)

    assert current_generation(shared) != before
