"""No lost updates in working groups: two chairs write the notes, statuses of tasks."""

from datetime import date

import pytest
from django.core import mail
from django.test import Client

from mitmachkarte.groups import services
from mitmachkarte.groups.models import ActionItem, GroupRole, Meeting
from tests.factories import UserFactory
from tests.page_forms import form_in

from .conftest import make_group, schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting_of_two_chairs(chair, town):
    second = UserFactory()
    group = make_group(chair, town=town)
    services.add_member(group=group, user=second, role=GroupRole.CHAIR)
    occurrence = schedule(group, chair).event.occurrences.order_by("start").first()
    meeting = services.meeting_for(occurrence=occurrence)
    services.save_notes(meeting=meeting, by=chair, agenda="1. Begrüßung", minutes="")
    first, other = Client(), Client()
    first.force_login(chair)
    other.force_login(second)
    return meeting, first, other


def notes_form(response) -> dict:
    return form_in(response, form_id="notes-form")


def test_a_stale_notes_form_is_refused_sends_nothing_and_keeps_the_text(meeting_of_two_chairs):
    meeting, first, second = meeting_of_two_chairs
    page = meeting.get_absolute_url()
    url = f"/arbeitsgruppen/{meeting.group.slug}/treffen/{meeting.pk}/notizen/"
    form_1, form_2 = notes_form(first.get(page)), notes_form(second.get(page))
    assert first.post(url, {**form_1, "agenda": "1. Begrüßung\n2. Haushalt"}).status_code == 302
    mail.outbox.clear()

    response = second.post(url, {**form_2, "minutes": "Alle waren da.", "send": "1"})

    assert response.status_code == 409
    text = response.content.decode()
    assert "Jemand anderes hat in der Zwischenzeit" in text and "2. Haushalt" in text
    assert mail.outbox == []  # "save and send" sent nothing
    saved = Meeting.objects.get(pk=meeting.pk)
    assert (saved.agenda, saved.minutes) == ("1. Begrüßung\n2. Haushalt", "")
    again = notes_form(response)
    assert again["minutes"] == "Alle waren da." and again["agenda"].endswith("2. Haushalt")
    assert second.post(url, again).status_code == 302
    saved = Meeting.objects.get(pk=meeting.pk)
    assert (saved.agenda, saved.minutes) == ("1. Begrüßung\n2. Haushalt", "Alle waren da.")


def test_a_stale_task_status_is_refused(meeting_of_two_chairs, chair):
    meeting, first, second = meeting_of_two_chairs
    item = services.add_action_item(
        meeting=meeting, by=chair, title="Saal buchen", owner=chair, due_date=date(2026, 12, 1)
    )
    page = meeting.get_absolute_url()
    url = f"/arbeitsgruppen/{meeting.group.slug}/aufgaben/{item.pk}/"
    form_1 = form_in(first.get(page), action=url)
    form_2 = form_in(second.get(page), action=url)
    first.post(url, {**form_1, "status": "done"})

    response = second.post(url, {**form_2, "status": "in_progress"}, follow=True)

    assert ActionItem.objects.get(pk=item.pk).status == "done"
    assert "in der Zwischenzeit geändert" in response.content.decode()
    second.post(url, {**form_in(response, action=url), "status": "in_progress"})
    assert ActionItem.objects.get(pk=item.pk).status == "in_progress"
