import signal
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone

from mitmachkarte.core import jobs


class Command(BaseCommand):
    help = (
        "Run the periodic jobs of settings.SCHEDULED_JOBS at their times (a long-running "
        "service; --once runs the due jobs and exits, e.g. from cron every few minutes). "
        "Several schedulers may run: each job runs once per scheduled time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run the due jobs, then exit")
        parser.add_argument(
            "--list", action="store_true", dest="show", help="show the jobs and last runs"
        )
        parser.add_argument(
            "--interval", type=float, default=30.0, help="seconds between looks (default 30)"
        )

    def handle(self, *args, once: bool, show: bool, interval: float, **options):
        if show:
            return self.show()
        if once:
            failed = [run.name for run in self.run_due()]
            if failed:
                raise CommandError(f"failed: {', '.join(failed)}")
            return None
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self.stdout.write(f"scheduler started: {len(jobs.scheduled_jobs())} jobs")
        while self.running:
            close_old_connections()
            self.run_due()
            close_old_connections()
            deadline = time.monotonic() + interval
            while self.running and time.monotonic() < deadline:
                time.sleep(min(1.0, interval))
        return None

    def stop(self, signum, frame):
        # A job that runs is finished first; the loop ends after it.
        self.running = False

    def run_due(self) -> list:
        failed = []
        for run in jobs.run_due():
            state = "ok" if run.ok else f"FAILED: {run.error}"
            self.stdout.write(
                f"{timezone.localtime(run.started_at):%Y-%m-%d %H:%M} {run.name} {state}"
            )
            if not run.ok:
                failed.append(run)
        return failed

    def show(self):
        for job in jobs.scheduled_jobs():
            last = jobs.last_run(job.name)
            when = (
                f"last {timezone.localtime(last.finished_at):%Y-%m-%d %H:%M} "
                f"{'ok' if last.ok else 'FAILED'}"
                if last
                else "never run"
            )
            self.stdout.write(
                f"{job.name:24} {job.describe():32} {' '.join(job.command):44} {when}"
            )
