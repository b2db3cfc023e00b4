"""Background tasks (django-tasks). `run_group_tasks` enqueues the periodic ones."""

from django.utils import timezone
from django_tasks import task

from . import mails, services
from .models import Meeting


@task()
def send_meeting_minutes(meeting_id: int) -> int:
    """Mail a meeting's minutes to every member of its group (one mail each)."""
    meeting = Meeting.objects.select_related("group").filter(pk=meeting_id).first()
    if meeting is None:
        return 0
    sent = mails.send_minutes(meeting=meeting)
    Meeting.objects.filter(pk=meeting_id).update(minutes_sent_at=timezone.now())
    return sent


@task()
def send_action_item_reminders() -> int:
    """Remind owners of open tasks due within two days (each task once)."""
    return services.send_action_item_reminders()


@task()
def extend_private_meeting_series() -> int:
    return services.extend_private_series()
