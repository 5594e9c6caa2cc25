"""The site's scheduler (`manage.py run_scheduler`, home/operations/scheduler.py): the jobs it
ships with, one run per due slot however many schedulers claim it, a failing job recorded
without stopping the others, and the real long-running process as `make run` starts it."""

import datetime
import io
import threading

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from home.models import ScheduledJob
from home.operations import scheduler
from home.pages.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

PUBLISH = {"name": "publish-scheduled", "command": "publish_scheduled", "every": 60}


@pytest.fixture
def clock():
    """The clock stopped at the current time; clock.shift(delta) moves it on."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def run_once(*args):
    """`run_scheduler --once`: (exit status, output)."""
    output = io.StringIO()
    try:
        call_command("run_scheduler", "--once", *args, stdout=output, stderr=output)
    except SystemExit as exit:
        return exit.code, output.getvalue()
    return 0, output.getvalue()


def scheduled_page(parent, seconds, **fields):
    """A draft page published for `seconds` from now, as the admin schedules it."""
    page = StandardPageFactory(parent=parent, live=False, **fields)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=seconds)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def test_the_shipped_schedule_publishes_every_minute_and_checks_links_daily(settings):
    jobs = {job.name: job for job in scheduler.schedule()}
    assert jobs["publish-scheduled"] == scheduler.Job("publish-scheduled", "publish_scheduled", 60)
    assert jobs["check-links"].command == "check_links"
    assert jobs["check-links"].every == 24 * 3600


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "x", "command": "publish_scheduled"}, "lacks every"),
        ({"name": "x", "command": "publish_scheduled", "every": 0}, "whole number of seconds"),
        ({"name": "x", "command": "publish_scheduled", "every": "60"}, "whole number"),
        ({"name": "x", "command": "no_such_command", "every": 60}, "no command 'no_such_command'"),
        ({"name": "x", "command": "check", "every": 60, "when": "3am"}, "unknown keys: when"),
        ({"name": "x", "command": "check", "every": 60, "args": "--deploy"}, "list of strings"),
        ("publish_scheduled", "must be a dict"),
    ],
)
def test_a_mistake_in_the_schedule_stops_the_scheduler_with_a_message(settings, entry, message):
    settings.PORTAL_SCHEDULE = [PUBLISH, entry]
    with pytest.raises(CommandError, match=r"PORTAL_SCHEDULE\[1\]") as error:
        call_command("run_scheduler", "--once")
    assert message in str(error.value)
    assert not ScheduledJob.objects.exists()


def test_a_name_used_twice_is_refused(settings):
    settings.PORTAL_SCHEDULE = [PUBLISH, {**PUBLISH, "every": 30}]
    with pytest.raises(CommandError, match="used twice"):
        call_command("run_scheduler", "--once")


def test_a_scheduled_page_goes_live_when_the_scheduler_runs_and_not_before(home, clock):
    page = scheduled_page(home, 60, title="Launch webinar")
    status, output = run_once()
    assert status == 0
    assert "publish-scheduled: running publish_scheduled" in output
    assert "publish-scheduled: done" in output
    page.refresh_from_db()
    assert not page.live

    clock.shift(datetime.timedelta(seconds=30))  # not the next slot yet: nothing runs
    status, output = run_once()
    assert (status, "nothing due" in output) == (0, True)
    page.refresh_from_db()
    assert not page.live

    clock.shift(datetime.timedelta(seconds=31))
    status, output = run_once()
    assert "publish-scheduled: done" in output
    page.refresh_from_db()
    assert page.live
    row = ScheduledJob.objects.get(name="publish-scheduled")
    assert (row.runs, row.last_result, row.last_error) == (2, ScheduledJob.Result.OK, "")
    assert row.last_finished is not None and row.last_duration is not None
    assert row.next_run > timezone.now()


def test_each_due_slot_is_claimed_exactly_once(clock):
    job = scheduler.Job("publish-scheduled", "publish_scheduled", 60)
    start = timezone.now()
    scheduler.register([job])
    # Two schedulers (two servers) see the same due slot: one of them gets it.
    assert [scheduler.claim(job, start), scheduler.claim(job, start)] == [True, False]
    assert not scheduler.claim(job, start + datetime.timedelta(seconds=59))
    later = start + datetime.timedelta(seconds=60)
    assert [scheduler.claim(job, later), scheduler.claim(job, later)] == [True, False]
    # After an hour with no scheduler running, the missed slots are not replayed one by one:
    # one run, then the next slot of the same series in the future.
    hour = start + datetime.timedelta(hours=1, seconds=5)
    assert [scheduler.claim(job, hour), scheduler.claim(job, hour)] == [True, False]
    row = ScheduledJob.objects.get(name=job.name)
    assert row.next_run == start + datetime.timedelta(minutes=61)


def test_a_shorter_interval_brings_the_next_run_forward(clock):
    daily = scheduler.Job("check-links", "check_links", 86400)
    scheduler.register([daily])
    assert scheduler.claim(daily)
    hourly = scheduler.Job("check-links", "check_links", 3600)
    scheduler.register([hourly])
    row = ScheduledJob.objects.get(name="check-links")
    assert (row.every, row.next_run) == (3600, timezone.now() + datetime.timedelta(hours=1))


def test_a_failing_job_is_recorded_and_the_others_still_run(settings, home, clock):
    settings.PORTAL_SCHEDULE = [
        {"name": "failing", "command": "check", "every": 60, "args": ["--tag", "no-such-tag"]},
        PUBLISH,
    ]
    page = scheduled_page(home, 1, title="Launch webinar")
    clock.shift(datetime.timedelta(seconds=2))
    status, output = run_once()
    assert status == 1  # cron and systemd see the failure
    assert "failing: failed after" in output
    assert "no-such-tag" in output
    assert "publish-scheduled: done" in output
    page.refresh_from_db()
    assert page.live
    failing = ScheduledJob.objects.get(name="failing")
    assert failing.last_result == ScheduledJob.Result.ERROR
    assert "CommandError" in failing.last_error and "no-such-tag" in failing.last_error
    assert ScheduledJob.objects.get(name="publish-scheduled").last_result == "ok"

    status = io.StringIO()
    call_command("run_scheduler", "--status", stdout=status)
    assert "failing: check --tag no-such-tag, every 60 s" in status.getvalue()
    assert "failed" in status.getvalue() and "last error: django.core" in status.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_claimers_on_their_own_connections_get_a_slot_once(clock):
    """Eight threads, each with its own database connection, claim the same due slot at the
    same moment (on PostgreSQL truly concurrently): exactly one gets it."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database is one connection shared by threads")
    job = scheduler.Job("publish-scheduled", "publish_scheduled", 60)
    scheduler.register([job])
    now = timezone.now()
    barrier = threading.Barrier(8)
    results = []

    def claimer():
        try:
            barrier.wait()
            results.append(scheduler.claim(job, now))
        finally:
            connection.close()

    threads = [threading.Thread(target=claimer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
