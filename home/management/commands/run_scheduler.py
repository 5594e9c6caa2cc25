"""`manage.py run_scheduler`: the site's scheduler (home.operations.scheduler). Runs until
SIGTERM or SIGINT; `--once` runs what is due and exits (for cron or a systemd timer);
`--status` shows each job's last run and next slot."""

import signal
import sys
import threading

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from home.operations import scheduler
from home.operations.models import ScheduledJob


class Command(BaseCommand):
    help = (
        "Run the jobs of settings.PORTAL_SCHEDULE (publishing scheduled pages, the link check, "
        "...), each exactly once per due slot across every scheduler process sharing the "
        "database. Runs until stopped (SIGTERM, SIGINT); --once runs what is due and exits."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--once",
            action="store_true",
            help="Run the jobs that are due, then exit (exit status 1 if one of them failed).",
        )
        mode.add_argument(
            "--status", action="store_true", help="Show each job's last run and next slot."
        )

    def handle(self, *args, once=False, status=False, **options):
        self.lock = threading.Lock()
        try:
            jobs = scheduler.schedule()
        except ImproperlyConfigured as error:
            raise CommandError(error) from error
        if status:
            return self.show_status(jobs)
        if once:
            results = scheduler.run_due(jobs, self.log)
            if not results:
                self.log("nothing due")
            if ScheduledJob.Result.ERROR in results.values():
                sys.exit(1)
            return
        runner = scheduler.Scheduler(jobs, self.log)

        def stop(number, frame):
            self.log(f"received {signal.Signals(number).name}, stopping")
            runner.stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        runner.loop()

    def log(self, message, error=False):
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M:%S")
        with self.lock:
            stream = self.stderr if error else self.stdout
            stream.write(f"{stamp} [scheduler] {message}")
            stream.flush()

    def show_status(self, jobs):
        rows = {
            row.name: row for row in ScheduledJob.objects.filter(name__in=[j.name for j in jobs])
        }
        for job in jobs:
            row = rows.get(job.name)
            self.stdout.write(f"{job.name}: {job.command_line}, every {job.every} s")
            if row is None:
                self.stdout.write("  never run; due when a scheduler starts")
                continue
            if row.last_started:
                self.stdout.write(
                    f"  last run: {timezone.localtime(row.last_started):%Y-%m-%d %H:%M:%S} "
                    f"by {row.last_runner}, {row.get_last_result_display()}"
                    + (f" in {row.last_duration:.1f} s" if row.last_duration is not None else "")
                )
            if row.last_error:
                self.stdout.write("  last error: " + row.last_error.strip().splitlines()[-1])
            self.stdout.write(f"  next run: {timezone.localtime(row.next_run):%Y-%m-%d %H:%M:%S}")
