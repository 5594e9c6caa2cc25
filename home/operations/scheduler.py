"""The site's scheduler: runs the management commands listed in settings.PORTAL_SCHEDULE at
their intervals (Wagtail's `publish_scheduled` every minute, the link check daily, ...).

    PORTAL_SCHEDULE = [
        {"name": "publish-scheduled", "command": "publish_scheduled", "every": 60},
        {"name": "check-links", "command": "check_links", "every": 86400},
    ]

`every` is in seconds; an optional `args` list is passed to the command.

Exactly one run per due slot, whatever the number of scheduler processes and servers: each job
has a row (home.operations.models.ScheduledJob) holding the time its next slot is due. A
process claims a due slot by moving that time on to the following slot with one conditional
UPDATE (`WHERE name = ... AND next_run = <the due time it read>`); the database applies
concurrent UPDATEs of one row one after the other, so exactly one claimer sees "1 row
updated" and runs the job, and the others see 0 and do not. This is the ORM's `update()`,
the same on SQLite and PostgreSQL, needs nothing but the database the servers already share,
and leaves a record of every job's last run (result, error, duration, which process ran it).

Slots follow the job's own series (due, due + every, ...), so the cadence does not drift with
the time a run takes; slots missed while no scheduler ran are not replayed one by one: the
next claim runs the job once and moves on to the first slot in the future.

A claimed slot is not claimed again: a process that dies during a run loses that run, and the
next slot runs the job again (Wagtail's `publish_scheduled` publishes everything that is
overdue, so nothing scheduled is lost)."""

import dataclasses
import datetime
import io
import os
import socket
import threading
import time
import traceback

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command, get_commands
from django.db import DatabaseError, close_old_connections, connection
from django.db.models import F, Min
from django.utils import timezone

from .models import ScheduledJob

KEYS = {"name", "command", "every", "args"}
REQUIRED = {"name", "command", "every"}


@dataclasses.dataclass(frozen=True)
class Job:
    name: str
    command: str
    every: int  # seconds
    args: tuple = ()

    @property
    def command_line(self):
        return " ".join([self.command, *self.args])


def schedule(entries=None):
    """The jobs of settings.PORTAL_SCHEDULE (or `entries`), checked: a mistake in the setting
    stops the scheduler at start with a message naming the entry."""
    if entries is None:
        entries = getattr(settings, "PORTAL_SCHEDULE", [])
    jobs = []
    for position, entry in enumerate(entries):
        where = f"PORTAL_SCHEDULE[{position}]"
        if not isinstance(entry, dict):
            raise ImproperlyConfigured(f"{where} must be a dict, not {entry!r}")
        if missing := REQUIRED - set(entry):
            raise ImproperlyConfigured(f"{where} lacks {', '.join(sorted(missing))}")
        if unknown := set(entry) - KEYS:
            raise ImproperlyConfigured(f"{where} has unknown keys: {', '.join(sorted(unknown))}")
        every = entry["every"]
        if not isinstance(every, int) or isinstance(every, bool) or every < 1:
            raise ImproperlyConfigured(f"{where}['every'] must be a whole number of seconds >= 1")
        args = entry.get("args", ())
        if isinstance(args, str) or not all(isinstance(arg, str) for arg in args):
            raise ImproperlyConfigured(f"{where}['args'] must be a list of strings")
        if entry["command"] not in get_commands():
            raise ImproperlyConfigured(f"{where}: there is no command {entry['command']!r}")
        if any(job.name == entry["name"] for job in jobs):
            raise ImproperlyConfigured(f"{where}: the name {entry['name']!r} is used twice")
        jobs.append(Job(str(entry["name"]), str(entry["command"]), every, tuple(args)))
    return jobs


def runner_name():
    """Which process ran a job, as recorded: host name and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def following_slot(due, every, now):
    """The first slot of the series due, due + every, due + 2 * every, ... that is after `now`."""
    if due > now:
        return due
    missed = int((now - due).total_seconds() // every) + 1
    return due + datetime.timedelta(seconds=every * missed)


def register(jobs, now=None):
    """Give each job its row (a new job is due at once) and keep the row's command and interval
    those of the setting; a next run further away than the interval (the interval was made
    shorter) is brought forward to one interval from now."""
    now = now or timezone.now()
    for job in jobs:
        row, created = ScheduledJob.objects.get_or_create(
            name=job.name, defaults={"command": job.command, "every": job.every, "next_run": now}
        )
        if not created and (row.command, row.every) != (job.command, job.every):
            ScheduledJob.objects.filter(name=job.name).update(command=job.command, every=job.every)
        limit = now + datetime.timedelta(seconds=job.every)
        ScheduledJob.objects.filter(name=job.name, next_run__gt=limit).update(next_run=limit)


def claim(job, now=None):
    """Claim the job's due slot, if it is due: True for exactly one caller per slot, in any
    process on any server sharing the database."""
    now = now or timezone.now()
    due = (
        ScheduledJob.objects.filter(name=job.name, next_run__lte=now)
        .values_list("next_run", flat=True)
        .first()
    )
    if due is None:
        return False
    claimed = ScheduledJob.objects.filter(name=job.name, next_run=due).update(
        next_run=following_slot(due, job.every, now),
        last_started=now,
        last_result=ScheduledJob.Result.RUNNING,
        last_runner=runner_name(),
    )
    return claimed == 1


def run(job, log):
    """Run a claimed job and record how it went. Never raises: a failing job is logged with its
    traceback and recorded, and the scheduler goes on."""
    log(f"{job.name}: running {job.command_line}")
    output = io.StringIO()
    started = time.monotonic()
    failure = None
    try:
        call_command(job.command, *job.args, stdout=output, stderr=output)
    except Exception as error:  # any failure of a job is recorded; the scheduler goes on
        failure = error
    duration = time.monotonic() - started
    for line in output.getvalue().splitlines():
        log(f"{job.name}: {line}")
    details = "".join(traceback.format_exception(failure)) if failure else ""
    ScheduledJob.objects.filter(name=job.name).update(
        last_finished=timezone.now(),
        last_result=ScheduledJob.Result.ERROR if failure else ScheduledJob.Result.OK,
        last_error=details,
        last_duration=duration,
        runs=F("runs") + 1,
    )
    if failure:
        log(f"{job.name}: failed after {duration:.1f} s: {failure!r}\n{details}", error=True)
        return ScheduledJob.Result.ERROR
    log(f"{job.name}: done in {duration:.1f} s")
    return ScheduledJob.Result.OK


def run_due(jobs, log, now=None):
    """Run, one after the other, every job whose slot is due and that this call claims (the
    `--once` mode, for cron or a systemd timer). Returns {job name: result}."""
    register(jobs, now)
    return {job.name: run(job, log) for job in jobs if claim(job, now)}


class Scheduler:
    """The long-running mode: claims due slots and runs each claimed job in a thread of its own
    (a long link check does not hold up publishing; on SQLite, which takes one writer at a
    time, one after another); a job still running in this process is not claimed again here.
    `stop()` (SIGTERM, SIGINT) ends the loop; running jobs finish."""

    def __init__(self, jobs, log, poll=10.0):
        self.jobs = jobs
        self.log = log
        self.poll = poll
        self.stopping = threading.Event()
        self.running = {}

    def stop(self):
        self.stopping.set()

    def tick(self):
        """Claim and start what is due; the seconds until the next slot (at most `poll`)."""
        now = timezone.now()
        for job in self.jobs:
            thread = self.running.get(job.name)
            if thread is not None and thread.is_alive():
                continue
            if not claim(job, now):
                continue
            if connection.vendor == "sqlite":
                # SQLite lets one connection write at a time (concurrent jobs failed with
                # "database is locked"): there, jobs run one after another in this thread.
                self._run(job)
                continue
            thread = threading.Thread(target=self._run, args=(job,), name=job.name)
            self.running[job.name] = thread
            thread.start()
        upcoming = ScheduledJob.objects.filter(name__in=[job.name for job in self.jobs]).aggregate(
            Min("next_run")
        )["next_run__min"]
        if upcoming is None:
            return self.poll
        return min(self.poll, max(0.2, (upcoming - timezone.now()).total_seconds()))

    def next_runs(self):
        rows = ScheduledJob.objects.filter(name__in=[job.name for job in self.jobs])
        return ", ".join(
            f"{row.name} at {timezone.localtime(row.next_run):%Y-%m-%d %H:%M:%S}" for row in rows
        )

    def _run(self, job):
        try:
            run(job, self.log)
        except DatabaseError as error:  # the record could not be written: say so, go on
            self.log(f"{job.name}: could not record the run: {error}", error=True)
        finally:
            connection.close()  # this thread's own connection

    def loop(self):
        names = ", ".join(f"{job.name} (every {job.every} s)" for job in self.jobs)
        self.log(f"started as {runner_name()}: {names or 'no jobs'}")
        registered = announced = False
        while not self.stopping.is_set():
            close_old_connections()  # a connection gone stale between ticks is replaced
            try:
                if not registered:
                    register(self.jobs)
                    registered = True
                wait = self.tick()
                if not announced:  # after the first claim: this process has had its chance
                    self.log("next runs: " + self.next_runs())
                    announced = True
            except DatabaseError as error:  # database down or restarting: try again shortly
                self.log(
                    f"database unavailable, retrying in {self.poll:.0f} s: {error}", error=True
                )
                connection.close()
                wait = self.poll
            self.stopping.wait(wait)
        still = [name for name, thread in self.running.items() if thread.is_alive()]
        if still:
            self.log(f"stopping: waiting for {', '.join(still)} to finish")
        for thread in self.running.values():
            thread.join()
        self.log("stopped")
