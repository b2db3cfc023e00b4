"""Background tasks (django-tasks); `send_freshness_reminders` (command) enqueues them."""

from dataclasses import asdict

from django_tasks import task

from . import freshness


@task()
def send_freshness_reminders() -> dict:
    """The yearly "Is this still right?" mails to editors (or the contact e-mail)."""
    return asdict(freshness.send_reminders())
