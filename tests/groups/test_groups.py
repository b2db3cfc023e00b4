"""Working groups: members, invitations, requests, meeting series, notes, action items."""

import calendar
import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from mitmachkarte.events.models import EventStatus, EventType
from mitmachkarte.events.recurrence import local
from mitmachkarte.groups import rules as permissions
from mitmachkarte.groups import services
from mitmachkarte.groups.models import ActionItem, GroupMember, GroupRole, JoinRequest, WorkingGroup

from .conftest import make_group, schedule

pytestmark = pytest.mark.django_db


def test_creator_is_the_first_chair(chair, town):
    group = make_group(chair, town=town)
    assert permissions.is_chair(chair, group)
    assert group.members.get().role == GroupRole.CHAIR
    assert list(group.sdgs.values_list("number", flat=True)) == [11, 13]


def test_a_group_needs_a_municipality_or_region(chair):
    with pytest.raises(ValidationError) as exc:
        services.create_group(name="AG", created_by=chair)
    assert "region" in exc.value.message_dict


@pytest.mark.parametrize("name", ["AG\nKlima", "AG\u2028Klima", "AG\x07Klima"])
def test_a_group_name_is_one_line(chair, town, name):
    with pytest.raises(ValidationError) as exc:
        services.create_group(name=name, created_by=chair, municipality=town)
    assert list(exc.value.message_dict) == ["name"]
    assert not WorkingGroup.objects.exists()


def test_recurring_meetings_are_events_of_the_working_group_type(chair, town):
    group = make_group(chair, town=town)
    series = schedule(group, chair)
    event = series.event
    assert event.event_type == EventType.WORKING_GROUP
    assert event.status == EventStatus.PUBLISHED
    assert list(event.municipalities.all()) == [town]
    starts = [local(o.start) for o in event.occurrences.order_by("start")]
    # The 2nd Tuesday of every month from January 2026 to January 2027, 17:00 Berlin
    # time in winter and summer alike.
    expected = []
    for year, month in [(2026, m) for m in range(1, 13)] + [(2027, 1)]:
        tuesdays = [
            d
            for d in calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.weekday() == calendar.TUESDAY
        ]
        expected.append(tuesdays[1])
    assert [s.date() for s in starts] == expected
    assert {(s.hour, s.minute) for s in starts} == {(17, 0)}
    assert {s.utcoffset() for s in starts} == {timedelta(hours=1), timedelta(hours=2)}


def test_members_only_meetings_stay_out_of_the_public_calendar(chair, town, client):
    group = make_group(chair, town=town, visibility="members")
    event = schedule(group, chair).event
    assert event.status == EventStatus.PENDING
    assert event.occurrences.count() == 13
    assert client.get(event.get_absolute_url()).status_code == 404


def test_only_a_chair_schedules_meetings(chair, member, town):
    group = make_group(chair, town=town, members=[member])
    with pytest.raises(PermissionDenied):
        schedule(group, member)
    assert not group.meeting_series.exists()


def test_an_action_item_due_before_its_meeting_is_refused(chair, member, town):
    group = make_group(chair, town=town, members=[member])
    occurrence = schedule(group, chair).event.occurrences.order_by("start")[2]
    meeting = services.meeting_for(occurrence=occurrence)
    day = local(occurrence.start).date()
    with pytest.raises(ValidationError) as exc:
        services.add_action_item(
            meeting=meeting,
            by=chair,
            title="Raumliste",
            owner=member,
            due_date=day - timedelta(days=1),
        )
    assert "due_date" in exc.value.message_dict
    assert "darf nicht vor dem Treffen" in exc.value.message_dict["due_date"][0]
    assert not ActionItem.objects.exists()
    item = services.add_action_item(
        meeting=meeting, by=chair, title="Raumliste", owner=member, due_date=day
    )
    assert item.owner == member


def test_an_action_item_owner_must_be_a_member(chair, outsider, town):
    group = make_group(chair, town=town)
    meeting = services.meeting_for(occurrence=schedule(group, chair).event.occurrences.first())
    with pytest.raises(ValidationError) as exc:
        services.add_action_item(
            meeting=meeting, by=chair, title="X", owner=outsider, due_date=date(2026, 12, 1)
        )
    assert "owner" in exc.value.message_dict


def test_minutes_go_to_every_member_by_mail(chair, member, town):
    group = make_group(chair, town=town, members=[member])
    meeting = services.meeting_for(occurrence=schedule(group, chair).event.occurrences.first())
    with pytest.raises(ValidationError):
        services.send_minutes(meeting=meeting, by=chair)  # nothing written yet
    services.save_notes(meeting=meeting, by=chair, minutes="Wir haben **beschlossen**.")
    with pytest.raises(PermissionDenied):
        services.send_minutes(meeting=meeting, by=member)
    mail.outbox.clear()
    services.send_minutes(meeting=meeting, by=chair)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([chair.email, member.email])
    assert all(len(m.to) == 1 for m in mail.outbox)
    assert "Wir haben **beschlossen**." in mail.outbox[0].body
    meeting.refresh_from_db()
    assert meeting.minutes_sent_at is not None


def test_invitation_link_lets_the_invited_person_join_once(chair, member, outsider, town, client):
    group = make_group(chair, town=town)
    mail.outbox.clear()
    services.invite(group=group, email=member.email.upper(), by=chair)
    link = re.search(r"/arbeitsgruppen/einladung/([^/\s]+)/", mail.outbox[0].body)
    token = link.group(1)
    client.force_login(outsider)
    page = client.post(link.group(0))
    assert page.status_code == 403
    assert not permissions.is_member(outsider, group)
    client.force_login(member)
    assert client.get(link.group(0)).status_code == 200  # a button, nothing accepted
    assert not permissions.is_member(member, group)
    assert client.post(link.group(0)).status_code == 302
    assert permissions.is_member(member, group)
    with pytest.raises(ValidationError):
        services.accept_invitation(token=token, user=member)
    assert client.get(f"/arbeitsgruppen/einladung/{token[:-2]}xx/").status_code == 400


def test_only_a_chair_invites(chair, member, town):
    group = make_group(chair, town=town, members=[member])
    with pytest.raises(PermissionDenied):
        services.invite(group=group, email="neu@example.org", by=member)
    assert not group.invitations.exists()


def test_join_request_approved_by_a_chair(chair, member, outsider, town):
    group = make_group(chair, town=town)
    mail.outbox.clear()
    request = services.request_to_join(group=group, user=member, message="Gern dabei")
    assert mail.outbox[0].to == [chair.email]
    assert services.request_to_join(group=group, user=member) == request  # no second one
    with pytest.raises(PermissionDenied):
        services.decide_join_request(join_request=request, by=outsider, approve=True)
    assert not permissions.is_member(member, group)
    services.decide_join_request(join_request=request, by=chair, approve=True)
    assert GroupMember.objects.get(group=group, user=member).role == GroupRole.MEMBER
    with pytest.raises(ValidationError):
        services.decide_join_request(join_request=request, by=chair, approve=False)
    assert JoinRequest.objects.get().status == "approved"


def test_a_group_named_like_a_url_word_gets_a_free_slug(chair, town):
    """ "Einladung" is the segment of the invitation links; the old loop never ended here."""
    first = services.create_group(name="Einladung", created_by=chair, municipality=town)
    second = services.create_group(name="Einladung", created_by=chair, municipality=town)
    assert (first.slug, second.slug) == ("einladung-2", "einladung-3")
