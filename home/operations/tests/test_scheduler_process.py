"""The real scheduler process: `manage.py run_scheduler` started as `make run` starts it (the
same arguments, read from the Makefile, the development settings), sharing the database with
the test; and two schedulers at once, as on two servers, running each job once.

On PostgreSQL the processes use the test database itself (the test's data is committed). On
SQLite, whose test database lives in this process's memory, the processes get a copy of it in
a file, copied back once they have stopped."""

import datetime
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from home.models import ScheduledJob
from home.pages.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 90  # seconds to wait for what a process should print


def make_run_arguments():
    """The arguments `make run` (its serve target) starts the scheduler with."""
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    serve = re.search(r"^serve:.*?(?=^\S)", makefile, re.MULTILINE | re.DOTALL).group(0)
    found = re.search(r"\$\(PY\) manage\.py (run_scheduler[^&;\n]*)&", serve)
    assert found, "make run starts no scheduler"
    return found.group(1).split()


class SharedDatabase:
    """The test database, reachable from other processes through DATABASE_URL."""

    def __init__(self, tmp_path):
        self.vendor = connection.vendor
        if self.vendor == "postgresql":
            db = connection.settings_dict
            credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
            host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
            self.url = f"postgres://{credentials}@{host}/{db['NAME']}"
        else:
            self.file = tmp_path / "shared.sqlite3"
            self.url = f"sqlite:///{self.file}"

    def share(self):
        """Hand the test's committed data to the processes."""
        if self.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(self.file) as copy:
                connection.connection.backup(copy)

    def take_back(self):
        """What the processes wrote, seen by the test."""
        if self.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(self.file) as copy:
                copy.backup(connection.connection)


class Process:
    """manage.py with the development settings (as `make run` has them), its output collected."""

    def __init__(self, arguments, database_url):
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_SETTINGS_MODULE", "CACHE_URL", "REDIS_URL")
        }
        environment.update(DATABASE_URL=database_url, PYTHONUNBUFFERED="1")
        self.lines = []
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", *arguments],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self):
        return "\n".join(self.lines)

    def wait_for(self, text):
        deadline = time.monotonic() + TIMEOUT
        while text not in self.output:
            if self.process.poll() is not None:
                self.reader.join(5)
                if text in self.output:
                    return
                pytest.fail(f"exited ({self.process.returncode}) before {text!r}:\n{self.output}")
            if time.monotonic() > deadline:
                pytest.fail(f"no {text!r} after {TIMEOUT} s:\n{self.output}")
            time.sleep(0.1)

    def stop(self, sig=signal.SIGTERM):
        """Send `sig`; the exit status once the process has ended."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            status = self.process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"did not stop on {sig!r}:\n{self.output}")
        self.reader.join(5)
        return status


@pytest.fixture
def processes():
    started = []
    yield started
    for process in started:
        if process.process.poll() is None:
            process.process.kill()
            process.process.wait()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_the_scheduler_started_as_make_run_starts_it_publishes_a_scheduled_page(
    home, tmp_path, processes, sig
):
    page = StandardPageFactory(parent=home, title="Launch webinar", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    time.sleep(1.1)  # its time has come: the scheduler's first run publishes it
    database = SharedDatabase(tmp_path)
    database.share()

    scheduler = Process(make_run_arguments(), database.url)
    processes.append(scheduler)
    scheduler.wait_for("publish-scheduled: done")
    scheduler.wait_for("next runs:")
    assert scheduler.stop(sig) == 0
    assert f"received {sig.name}, stopping" in scheduler.output
    assert scheduler.output.rstrip().endswith("[scheduler] stopped")

    database.take_back()
    page.refresh_from_db()
    assert page.live, scheduler.output  # what the scheduler said, if not
    row = ScheduledJob.objects.get(name="publish-scheduled")
    assert (row.runs, row.last_result) == (1, ScheduledJob.Result.OK)
    assert row.last_runner.endswith(f":{scheduler.process.pid}")


def test_two_schedulers_at_once_run_each_job_once(home, tmp_path, processes):
    """Two servers each running the scheduler: each job's due slot runs in one of them."""
    database = SharedDatabase(tmp_path)
    database.share()
    pair = [Process(make_run_arguments(), database.url) for _ in range(2)]
    processes.extend(pair)
    for scheduler in pair:
        scheduler.wait_for("next runs:")  # each has claimed what it could
    for scheduler in pair:
        scheduler.wait_for("[scheduler] started")
    for name in ["publish-scheduled", "check-links"]:
        runs = [scheduler.output.count(f"{name}: running") for scheduler in pair]
        assert sorted(runs) == [0, 1], (name, [s.output for s in pair])
    for scheduler in pair:
        # a job started in one of them finishes before it stops
        assert scheduler.stop() == 0
    database.take_back()
    rows = {row.name: row for row in ScheduledJob.objects.all()}
    assert rows["publish-scheduled"].runs == 1
    assert rows["check-links"].runs == 1
    assert rows["publish-scheduled"].next_run > timezone.now()


def test_the_systemd_units_run_the_scheduler_from_the_application_directory():
    """The units kept in the repository start the same command as `make run` (plus `--once`
    for the timer's one-shot service)."""
    units = settings.BASE_DIR / "docs" / "systemd"
    service = (units / "portal-scheduler.service").read_text()
    assert re.search(r"^ExecStart=\S+/python manage\.py run_scheduler$", service, re.MULTILINE)
    assert make_run_arguments() == ["run_scheduler"]
    assert re.search(r"^Restart=always$", service, re.MULTILINE)
    once = (units / "portal-scheduler-once.service").read_text()
    assert re.search(r"^ExecStart=\S+/python manage\.py run_scheduler --once$", once, re.MULTILINE)
    timer = (units / "portal-scheduler-once.timer").read_text()
    assert re.search(r"^OnCalendar=\*-\*-\* \*:\*:00$", timer, re.MULTILINE)
    deployment = (settings.BASE_DIR / "docs" / "deployment.md").read_text()
    assert "docs/systemd/portal-scheduler.service" in deployment


def test_under_make_run_a_change_in_one_process_makes_the_others_cached_pages_stale(tmp_path):
    """`make run` serves pages from one process and runs the scheduler in another: a page the
    scheduler publishes bumps the page cache's generation where the server reads it (the
    development settings' cache is shared by the processes of one checkout)."""
    database = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    script = (
        "from home.pagecache.cache import bump_generation, current_generation\n"
        "import sys\n"
        "if sys.argv[-1] == 'bump': bump_generation()\n"
        "print(current_generation())"
    )

    def generation(*arguments):
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DJANGO_SETTINGS_MODULE", "CACHE_URL", "REDIS_URL")
        }
        environment["DATABASE_URL"] = database
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); exec({script!r})", *arguments],
            cwd=settings.BASE_DIR,
            env={**environment, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert result.returncode == 0, result.stderr
        return int(result.stdout.split()[-1])

    # The generation's authoritative copy is in the database (home.pagecache): migrate it.
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "CACHE_URL", "REDIS_URL")
    }
    migrated = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env={
            **environment,
            "DATABASE_URL": database,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        },
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert migrated.returncode == 0, migrated.stderr
    server = generation()  # what the server process reads
    assert generation() == server  # a second process reads the same
    bumped = generation("bump")  # the scheduler publishes a page
    assert bumped != server
    assert generation() == bumped  # the server sees it
