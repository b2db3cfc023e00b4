"""Reminder mails the day before, sent by a django-tasks task (ImmediateBackend, locmem)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_tasks import TaskResultStatus

from mitmachkarte.events import registrations
from mitmachkarte.events.models import Registration
from mitmachkarte.events.recurrence import EVENT_TZ
from mitmachkarte.events.tasks import send_event_reminders
from tests.factories import EventFactory

from .conftest import token_from

pytestmark = pytest.mark.usefixtures("reference_data")
LINK = "https://meet.example/raum-42"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def online_event_starting_in(delta: timedelta, **changes):
    start = timezone.now().replace(microsecond=0) + delta
    return EventFactory(
        start=start,
        end=start + timedelta(hours=1),
        format="online",
        online_url=LINK,
        venue_name="",
        city="",
        latitude=None,
        longitude=None,
        registration_enabled=True,
        **changes,
    )


def confirmed(event, name, outbox, language="en"):
    occurrence = event.occurrences.get()
    registrations.register(
        occurrence=occurrence, name=name, email=f"{name}@example.org", language=language
    )
    registrations.confirm(token=token_from(outbox[-1], "bestaetigen"))
    return Registration.objects.get(email=f"{name}@example.org", occurrence=occurrence)


def reminders(outbox):
    return [m for m in outbox if m.subject.startswith(("Reminder", "Erinnerung"))]


def test_task_reminds_confirmed_participants_with_the_online_link(mailoutbox):
    event = online_event_starting_in(timedelta(hours=20), title="Online-Vernetzungstreffen")
    ada = confirmed(event, "ada", mailoutbox)
    result = send_event_reminders.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == 1
    [mail] = reminders(mailoutbox)
    assert mail.to == ["ada@example.org"]
    assert "Online-Vernetzungstreffen" in mail.subject
    assert LINK in mail.body and "/veranstaltungen/anmeldung/abmelden/" in mail.body
    ada.refresh_from_db()
    assert ada.reminder_sent_at is not None
    # Hourly runs never send a second reminder.
    assert send_event_reminders.enqueue().return_value == 0
    assert len(reminders(mailoutbox)) == 1


def test_only_confirmed_people_of_dates_within_a_day_are_reminded(mailoutbox):
    soon_event = online_event_starting_in(timedelta(hours=23), capacity=1)
    confirmed(soon_event, "ada", mailoutbox)
    confirmed(soon_event, "bea", mailoutbox)  # waiting list
    cem = confirmed(soon_event, "cem", mailoutbox)
    cem.status = "cancelled"
    cem.save()
    later_event = online_event_starting_in(timedelta(hours=30))
    confirmed(later_event, "dan", mailoutbox)
    assert send_event_reminders.enqueue().return_value == 1
    assert [m.to for m in reminders(mailoutbox)] == [["ada@example.org"]]
    # Once the later date is within a day, its participant is reminded too.
    assert registrations.send_due_reminders(now=timezone.now() + timedelta(hours=7)) == 1
    assert [m.to for m in reminders(mailoutbox)][-1] == ["dan@example.org"]


def test_reminder_is_in_the_language_of_the_registration(mailoutbox):
    event = online_event_starting_in(timedelta(hours=5))
    confirmed(event, "ada", mailoutbox, language="de")
    confirmed(event, "bea", mailoutbox, language="en")
    assert registrations.send_due_reminders() == 2
    by_person = {m.to[0]: m.body for m in reminders(mailoutbox)}
    start = event.occurrences.get().start.astimezone(EVENT_TZ)
    with translation.override("de"):
        german_day = date_format(start, "D")
    with translation.override("en"):
        english_day = date_format(start, "D")
    assert german_day != english_day
    assert f"{german_day}, " in by_person["ada@example.org"]
    assert f"{english_day}, " in by_person["bea@example.org"]
    assert all(LINK in body for body in by_person.values())


def test_failed_mail_releases_the_reminder_for_the_next_run(mailoutbox, monkeypatch):
    event = online_event_starting_in(timedelta(hours=5))
    ada = confirmed(event, "ada", mailoutbox)

    def broken(**kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(registrations.mails, "send_reminder", broken)
    result = send_event_reminders.enqueue()
    assert result.status == TaskResultStatus.FAILED
    ada.refresh_from_db()
    assert ada.reminder_sent_at is None
    monkeypatch.undo()
    assert send_event_reminders.enqueue().return_value == 1


def test_run_event_tasks_command_runs_both_tasks(mailoutbox):
    event = online_event_starting_in(timedelta(hours=2))
    confirmed(event, "ada", mailoutbox)
    out = StringIO()
    call_command("run_event_tasks", stdout=out)
    assert "send_event_reminders: done (1)" in out.getvalue()
    assert "extend_recurring_events: done" in out.getvalue()
    assert len(reminders(mailoutbox)) == 1
