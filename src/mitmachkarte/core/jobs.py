"""Periodic jobs: the schedule (settings.SCHEDULED_JOBS), their runs, and which are due.

A job is a management command with its arguments and a time: every N minutes, hourly at a
minute, daily at hour:minute or weekly on a weekday (Europe/Berlin wall clock). Each of its
scheduled times is a *slot*; a job is due while its newest slot has no run. A slot missed
while no scheduler ran is made up when one starts, within one period (at most a day): the
weekly digest runs late on Monday, not on Thursday.

Two schedulers never run the same slot: a run starts by inserting its `JobRun`, and the
unique (name, slot) constraint lets exactly one insert succeed. A run whose scheduler died
(no finish after `LEASE`) may be taken over. The jobs themselves are idempotent, as they
were under cron.
"""

import io
import os
import shlex
import socket
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import JobRun

LEASE = timedelta(hours=2)  # longer than any job runs
OUTPUT_LIMIT = 4000


@dataclass(frozen=True)
class Job:
    name: str
    command: tuple[str, ...]
    minute: int = 0
    hour: int | None = None
    weekday: int | None = None  # 0 = Monday
    every: int | None = None  # minutes

    @classmethod
    def from_setting(cls, entry: dict) -> "Job":
        fields = dict(entry)
        fields["command"] = tuple(shlex.split(fields["command"]))
        return cls(**fields)

    @property
    def period(self) -> timedelta:
        if self.every:
            return timedelta(minutes=self.every)
        if self.hour is None:
            return timedelta(hours=1)
        return timedelta(days=1 if self.weekday is None else 7)

    def describe(self) -> str:
        if self.every:
            return f"every {self.every} minutes"
        if self.hour is None:
            return f"hourly at :{self.minute:02d}"
        at = f"{self.hour:02d}:{self.minute:02d}"
        if self.weekday is None:
            return f"daily at {at}"
        day = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return f"weekly on {day[self.weekday]} at {at}"

    def latest_slot(self, now: datetime) -> datetime:
        """The newest scheduled time at or before `now` (aware, UTC)."""
        utc = now.astimezone(UTC)
        if self.every:  # minute arithmetic in UTC: DST shifts nothing here
            step = self.every * 60
            return datetime.fromtimestamp(int(utc.timestamp()) // step * step, UTC)
        if self.hour is None:
            slot = utc.replace(minute=self.minute, second=0, microsecond=0)
            return slot if slot <= utc else slot - timedelta(hours=1)
        # Daily and weekly times are wall-clock times in the site's zone.
        zone = timezone.get_default_timezone()
        local = now.astimezone(zone).replace(tzinfo=None)
        slot = local.replace(hour=self.hour, minute=self.minute, second=0, microsecond=0)
        if self.weekday is not None:
            slot -= timedelta(days=(slot.weekday() - self.weekday) % 7)
        if slot > local:
            slot -= self.period
        return slot.replace(tzinfo=zone).astimezone(UTC)


def scheduled_jobs() -> list[Job]:
    return [Job.from_setting(entry) for entry in settings.SCHEDULED_JOBS]


def job_named(name: str) -> Job:
    for job in scheduled_jobs():
        if job.name == name:
            return job
    raise KeyError(name)


def due_jobs(*, now: datetime | None = None) -> list[tuple[Job, datetime]]:
    """The jobs whose newest slot (not older than one period, at most a day) has no run."""
    now = now or timezone.now()
    due = []
    for job in scheduled_jobs():
        slot = job.latest_slot(now)
        if now - slot > min(job.period, timedelta(days=1)):
            continue
        if not JobRun.objects.filter(name=job.name, slot=slot).exists():
            due.append((job, slot))
    return due


def runner_name() -> str:
    return f"{socket.gethostname()[:80]}:{os.getpid()}"


def claim(job: Job, slot: datetime, *, now: datetime | None = None) -> JobRun | None:
    """The run of this slot if this process may start it; None when another one has it."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            return JobRun.objects.create(
                name=job.name, slot=slot, started_at=now, runner=runner_name()
            )
    except IntegrityError:
        pass
    taken_over = JobRun.objects.filter(
        name=job.name, slot=slot, finished_at=None, started_at__lt=now - LEASE
    ).update(started_at=now, runner=runner_name())
    return JobRun.objects.get(name=job.name, slot=slot) if taken_over else None


def execute(run: JobRun, job: Job) -> JobRun:
    """Run the job's command and record how it ended."""
    output = io.StringIO()
    try:
        call_command(*job.command, stdout=output, stderr=output)
    except Exception as exc:  # a failing job is recorded, the scheduler goes on
        run.ok = False
        run.error = "".join(traceback.format_exception_only(exc)).strip()[:OUTPUT_LIMIT]
        output.write(traceback.format_exc())
    else:
        run.ok = True
    run.finished_at = timezone.now()
    run.output = output.getvalue()[-OUTPUT_LIMIT:]
    run.save(update_fields=["ok", "error", "output", "finished_at"])
    return run


def run_due(*, now: datetime | None = None) -> list[JobRun]:
    """Run every due job this process can claim, one after the other."""
    runs = []
    for job, slot in due_jobs(now=now):
        run = claim(job, slot, now=now)
        if run is not None:
            runs.append(execute(run, job))
    return runs


def last_run(name: str | None = None) -> JobRun | None:
    """The newest finished run (of one job, or of any): for /healthz and monitoring."""
    runs = JobRun.objects.exclude(finished_at=None)
    if name:
        runs = runs.filter(name=name)
    return runs.order_by("-finished_at").first()
