"""The scheduler: slots in Berlin time, one run per slot across schedulers, recorded runs."""

from datetime import UTC, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from mitmachkarte.core import jobs
from mitmachkarte.core.management.commands import scheduler
from mitmachkarte.core.models import JobRun
from tests.db_statistics import forget_planner_statistics, has_planner_statistics
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def job(**fields) -> jobs.Job:
    return jobs.Job.from_setting({"name": "j", "command": "send_need_reminders", **fields})


@pytest.mark.parametrize(
    ("fields", "now", "slot"),
    [
        ({"minute": 5}, at(2026, 3, 2, 10, 4), at(2026, 3, 2, 9, 5)),
        ({"minute": 5}, at(2026, 3, 2, 10, 5), at(2026, 3, 2, 10, 5)),
        ({"every": 10}, at(2026, 3, 2, 10, 29, 59), at(2026, 3, 2, 10, 20)),
        ({"hour": 8, "minute": 30}, at(2026, 3, 2, 7, 0), at(2026, 3, 1, 8, 30)),
        ({"hour": 8, "minute": 30}, at(2026, 3, 2, 9, 0), at(2026, 3, 2, 8, 30)),
        # Wall-clock time across the change to summer time (29 March 2026).
        ({"hour": 8, "minute": 30}, at(2026, 3, 29, 9, 0), at(2026, 3, 29, 8, 30)),
        ({"weekday": 0, "hour": 7}, at(2026, 3, 5, 12, 0), at(2026, 3, 2, 7, 0)),  # Thursday
        ({"weekday": 0, "hour": 7}, at(2026, 3, 2, 6, 59), at(2026, 2, 23, 7, 0)),
    ],
)
def test_the_newest_slot_is_the_last_scheduled_time_in_berlin(fields, now, slot):
    found = job(**fields).latest_slot(now)
    assert found == slot and found.tzinfo == UTC


def test_summer_time_keeps_the_wall_clock():
    daily = job(hour=8, minute=30)
    assert daily.latest_slot(at(2026, 3, 28, 9, 0)).hour == 7  # 08:30 CET = 07:30 UTC
    assert daily.latest_slot(at(2026, 3, 30, 9, 0)).hour == 6  # 08:30 CEST = 06:30 UTC


def test_a_missed_slot_is_made_up_within_a_day_only(settings):
    settings.SCHEDULED_JOBS = [
        {"name": "weekly", "command": "send_need_reminders", "weekday": 0, "hour": 7}
    ]
    assert [j.name for j, _slot in jobs.due_jobs(now=at(2026, 3, 2, 10, 0))] == ["weekly"]
    assert jobs.due_jobs(now=at(2026, 3, 5, 10, 0)) == []  # Thursday: wait for Monday


def test_each_slot_runs_once_even_with_two_schedulers(settings):
    settings.SCHEDULED_JOBS = [{"name": "needs", "command": "send_need_reminders", "minute": 0}]
    now = at(2026, 3, 2, 10, 30)
    first = jobs.run_due(now=now)
    second = jobs.run_due(now=now)  # a second scheduler in the same hour
    assert [(r.name, r.ok) for r in first] == [("needs", True)] and second == []
    run = JobRun.objects.get()
    assert run.slot == at(2026, 3, 2, 10, 0) and run.finished_at and not run.error
    assert "Need reminders: 0 mails sent" in run.output
    assert jobs.claim(jobs.job_named("needs"), run.slot, now=now) is None  # the lease is taken
    assert len(jobs.run_due(now=now + timedelta(hours=1))) == 1  # the next slot runs


def test_a_run_whose_scheduler_died_is_taken_over_after_the_lease(settings):
    settings.SCHEDULED_JOBS = [{"name": "needs", "command": "send_need_reminders", "minute": 0}]
    needs = jobs.job_named("needs")
    slot = at(2026, 3, 2, 10, 0)
    assert jobs.claim(needs, slot, now=slot) is not None  # ...and its process was killed
    assert jobs.claim(needs, slot, now=slot + timedelta(minutes=30)) is None
    assert jobs.claim(needs, slot, now=slot + jobs.LEASE + timedelta(minutes=1)) is not None


def test_failures_are_recorded_and_fail_the_once_command(settings):
    settings.SCHEDULED_JOBS = [
        {"name": "broken", "command": "send_need_reminders --days 0", "every": 5},
        {"name": "fine", "command": "send_need_reminders", "every": 5},
    ]
    with pytest.raises(CommandError, match="failed: broken"):
        call_command("scheduler", "--once", stdout=StringIO())
    runs = {run.name: run for run in JobRun.objects.all()}
    assert runs["broken"].ok is False and "--days must be at least 1" in runs["broken"].error
    assert runs["fine"].ok is True
    assert jobs.last_run().finished_at >= jobs.last_run("broken").finished_at
    out = StringIO()
    call_command("scheduler", "--list", stdout=out)
    assert "broken" in out.getvalue() and "every 5 minutes" in out.getvalue()
    assert "FAILED" in out.getvalue()


def test_last_run_is_the_newest_finished_run(settings):
    assert jobs.last_run() is None
    settings.SCHEDULED_JOBS = [{"name": "needs", "command": "send_need_reminders", "minute": 0}]
    jobs.run_due(now=at(2026, 3, 2, 10, 30))
    JobRun.objects.create(
        name="needs", slot=at(2026, 3, 2, 11, 0), started_at=at(2026, 3, 2, 11, 0)
    )
    assert jobs.last_run().slot == at(2026, 3, 2, 10, 0)  # the unfinished one does not count


def test_every_former_cron_line_is_a_job_that_runs(reference_data):
    """The seven cron lines of the old README, and the queue upkeep, run by the scheduler
    (a Monday morning: every job, the weekly digest too, is due)."""
    commands = {
        " ".join(a for a in job.command if a != "--inline") for job in jobs.scheduled_jobs()
    }
    assert {
        "run_event_tasks",
        "run_group_tasks",
        "send_freshness_reminders",
        "send_need_reminders",
        "send_survey_reminders",
        "send_subscription_mails",
        "send_subscription_mails --weekly",
        "analyze_database",
    } <= commands
    runs = jobs.run_due(now=at(2026, 3, 2, 9, 0))
    assert len(runs) == len(jobs.scheduled_jobs())
    assert all(run.ok for run in runs), [(r.name, r.error) for r in runs if not r.ok]


def test_the_service_loop_runs_due_jobs_until_stopped(settings, monkeypatch):
    settings.SCHEDULED_JOBS = [{"name": "needs", "command": "send_need_reminders", "every": 5}]
    command = scheduler.Command(stdout=StringIO())
    original = command.run_due

    def once_then_stop():
        found = original()
        command.stop(None, None)  # as SIGTERM would
        return found

    monkeypatch.setattr(command, "run_due", once_then_stop)
    monkeypatch.setattr(scheduler.signal, "signal", lambda *args: None)
    # It checks its connection between looks; the test's transaction must stay.
    monkeypatch.setattr(scheduler, "close_old_connections", lambda: None)
    command.handle(once=False, show=False, interval=0)
    assert JobRun.objects.get().ok


@pytest.mark.task_queue
def test_periodic_commands_queue_their_tasks_or_run_them_inline_for_the_scheduler(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queued, inline = StringIO(), StringIO()
    call_command("run_event_tasks", stdout=queued)
    assert queued.getvalue().count("queued") == 2 and DBTaskResult.objects.count() == 2
    call_command("run_event_tasks", "--inline", stdout=inline)
    assert "send_event_reminders: done (0)" in inline.getvalue()
    assert DBTaskResult.objects.count() == 2  # nothing more queued


@pytest.mark.django_db(transaction=True)
def test_the_statistics_job_leaves_planner_statistics(reference_data):
    InitiativeFactory.create_batch(3)
    forget_planner_statistics("initiatives_initiative")
    assert not has_planner_statistics("initiatives_initiative")
    call_command("analyze_database", stdout=StringIO())
    assert has_planner_statistics("initiatives_initiative")
