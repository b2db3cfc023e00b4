"""Pages of working groups: members-only content is a 404 for everybody else."""

from datetime import timedelta

import pytest

from mitmachkarte.events.recurrence import local
from mitmachkarte.groups import services
from mitmachkarte.groups.models import ActionItem, Meeting
from tests.factories import MembershipFactory, OrganisationFactory

from .conftest import make_group, schedule

pytestmark = pytest.mark.django_db
SECRET = "Vertrauliche Haushaltsfrage"


@pytest.fixture
def private(chair, member, town):
    group = make_group(chair, town=town, visibility="members", members=[member])
    occurrence = schedule(group, chair).event.occurrences.order_by("start").first()
    meeting = services.meeting_for(occurrence=occurrence)
    services.save_notes(meeting=meeting, by=chair, minutes=SECRET)
    return group, meeting


def test_members_only_minutes_are_a_404_for_non_members(private, client, outsider):
    group, meeting = private
    urls = [
        meeting.get_absolute_url(),
        f"/arbeitsgruppen/{group.slug}.ics",
        f"/arbeitsgruppen/{group.slug}/termin/{meeting.occurrence_id}/",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    client.force_login(outsider)
    for url in urls:
        assert client.get(url).status_code == 404, url
    detail = client.get(group.get_absolute_url())
    assert detail.status_code == 200  # name and purpose, so people can ask to join
    assert SECRET not in detail.content.decode()
    # The network team moderates: it may read.
    network = OrganisationFactory(type="network_team")
    client.force_login(MembershipFactory(organisation=network).user)
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_members_read_minutes_and_the_feed(private, client, member):
    group, meeting = private
    client.force_login(member)
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200 and SECRET in page.content.decode()
    feed = client.get(f"/arbeitsgruppen/{group.slug}.ics")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "RRULE:FREQ=MONTHLY;BYDAY=2TU" in body and "TZID=Europe/Berlin" in body


def test_public_group_shows_dates_and_minutes_to_everyone(chair, town, client):
    group = make_group(chair, town=town)
    occurrence = schedule(group, chair).event.occurrences.order_by("start").first()
    meeting = services.meeting_for(occurrence=occurrence)
    services.save_notes(meeting=meeting, by=chair, minutes="Öffentliches Protokoll")
    assert "Öffentliches Protokoll" in client.get(meeting.get_absolute_url()).content.decode()
    assert client.get(f"/arbeitsgruppen/{group.slug}.ics").status_code == 200
    listing = client.get("/arbeitsgruppen/").content.decode()
    assert group.name in listing


def test_a_member_cannot_change_minutes(private, client, member):
    group, meeting = private
    client.force_login(member)
    response = client.post(f"{meeting.get_absolute_url()}notizen/", {"minutes": "Gefälscht"})
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.minutes == SECRET


def test_a_member_opening_an_empty_date_creates_nothing(chair, member, town, client):
    group = make_group(chair, town=town, visibility="members", members=[member])
    occurrence = schedule(group, chair).event.occurrences.order_by("start").last()
    client.force_login(member)
    assert client.get(f"/arbeitsgruppen/{group.slug}/termin/{occurrence.pk}/").status_code == 200
    assert not Meeting.objects.exists()
    client.force_login(chair)
    response = client.get(f"/arbeitsgruppen/{group.slug}/termin/{occurrence.pk}/")
    assert response.status_code == 302 and Meeting.objects.count() == 1


def test_chair_adds_an_action_item_in_the_page_and_bad_dates_get_a_form_error(
    private, client, chair, member
):
    group, meeting = private
    client.force_login(chair)
    day = local(meeting.start).date()
    url = f"{meeting.get_absolute_url()}aufgaben/"
    bad = client.post(
        url,
        {"title": "Flyer", "owner": member.pk, "due_date": (day - timedelta(days=3)).isoformat()},
    )
    assert bad.status_code == 400
    assert "darf nicht vor dem Treffen" in bad.content.decode()
    assert not ActionItem.objects.exists()
    good = client.post(
        url,
        {"title": "Flyer", "owner": member.pk, "due_date": (day + timedelta(days=3)).isoformat()},
    )
    assert good.status_code == 302
    assert ActionItem.objects.get().owner == member


def test_join_request_through_the_page(chair, outsider, town, client):
    group = make_group(chair, town=town)
    client.force_login(outsider)
    assert (
        client.post(f"/arbeitsgruppen/{group.slug}/beitreten/", {"message": "Hallo"}).status_code
        == 302
    )
    request = group.join_requests.get()
    client.force_login(chair)
    assert f"/anfragen/{request.pk}/" in client.get(group.get_absolute_url()).content.decode()
    client.post(f"/arbeitsgruppen/{group.slug}/anfragen/{request.pk}/", {"decision": "approve"})
    assert group.members.filter(user=outsider).exists()
