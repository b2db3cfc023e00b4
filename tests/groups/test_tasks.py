"""Reminders for action items (run_group_tasks) and the private series' rolling window."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mitmachkarte.groups import services
from mitmachkarte.groups.models import ActionItem

from .conftest import make_group, schedule

pytestmark = pytest.mark.django_db


def test_owners_get_one_reminder_before_the_due_date(chair, member, town):
    group = make_group(chair, town=town, members=[member])
    today = timezone.localdate()
    series = schedule(group, chair)
    first = series.event.occurrences.order_by("start").first()
    group_meeting = services.meeting_for(occurrence=first)
    due = services.add_action_item(
        meeting=group_meeting,
        by=chair,
        title="Flyer drucken",
        owner=member,
        due_date=today + timedelta(days=1),
    )
    later = services.add_action_item(
        meeting=group_meeting,
        by=chair,
        title="Später",
        owner=chair,
        due_date=today + timedelta(days=20),
    )
    done = services.add_action_item(
        meeting=group_meeting, by=chair, title="Erledigt", owner=chair, due_date=today
    )
    services.set_action_item_status(item=done, by=chair, status="done")
    mail.outbox.clear()
    call_command("run_group_tasks", stdout=StringIO())
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Flyer drucken" in mail.outbox[0].body
    call_command("run_group_tasks", stdout=StringIO())
    assert len(mail.outbox) == 1  # each task once
    assert ActionItem.objects.get(pk=due.pk).reminder_sent_at is not None
    assert ActionItem.objects.get(pk=later.pk).reminder_sent_at is None


def test_private_series_roll_forward(chair, town):
    group = make_group(chair, town=town, visibility="members")
    series = schedule(group, chair)
    before = series.event.occurrences.count()
    services.extend_private_series(now=series.event.start + timedelta(days=200))
    assert series.event.occurrences.count() > before
