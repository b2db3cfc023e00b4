"""Background tasks (django-tasks). `run_event_tasks` enqueues them; run it hourly.

With the ImmediateBackend (default, tests, demo) they run at once in the caller's process;
in production the DatabaseBackend of django-tasks-db stores them for `db_worker` (README).
"""

from django_tasks import task

from . import registrations, services


@task()
def send_event_reminders() -> int:
    """Reminder mails (with the online link) for dates beginning within 24 hours."""
    return registrations.send_due_reminders()


@task()
def extend_recurring_events() -> int:
    """Create the dates of recurring events as the one-year window moves on."""
    return services.extend_recurring_events()
