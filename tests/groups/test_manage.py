"""Working groups in the site: municipalities and the network team start groups, chairs edit
purpose and SDG focus, set up a meeting series and invite members; others get 403."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from mitmachkarte.events.models import EventType
from mitmachkarte.events.recurrence import EVENT_TZ
from mitmachkarte.groups.models import GroupRole, WorkingGroup
from tests.factories import (
    GroupMemberFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def world(db):
    koeln = MunicipalityFactory(name="Köln", slug="koeln", with_boundary=True)
    bonn = MunicipalityFactory(name="Bonn", slug="bonn", with_boundary=True)

    def member(**org):
        return MembershipFactory(organisation=OrganisationFactory(**org)).user

    return {
        "koeln": koeln,
        "bonn": bonn,
        "users": {
            "koeln": member(type="municipality", municipality=koeln),
            "network": member(type="network_team"),
            "initiative": member(type="initiative"),
            "plain": UserFactory(),
            "anonymous": None,
        },
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def group_data(town, **changes) -> dict:
    return {
        "name": "AG Klimaanpassung",
        "purpose": "Wir planen Hitzeschutz.",
        "municipality": town.name,
        "visibility": "public",
        "sdgs": ["11", "13"],
    } | changes


def test_a_municipal_member_starts_a_group_and_chairs_it(world):
    client = client_for(world["users"]["koeln"])
    assert "Arbeitsgruppe gründen" in client.get("/arbeitsgruppen/").content.decode()
    response = client.post("/arbeitsgruppen/neu/", group_data(world["koeln"]))
    assert response.status_code == 302
    group = WorkingGroup.objects.get(name="AG Klimaanpassung")
    assert group.municipality == world["koeln"]
    assert sorted(group.sdgs.values_list("number", flat=True)) == [11, 13]
    assert group.members.get().role == GroupRole.CHAIR
    page = client.get(group.get_absolute_url()).content.decode()
    assert f"/arbeitsgruppen/{group.slug}/treffen/neu/" in page


def test_a_municipal_member_cannot_start_a_group_for_another_municipality(world):
    response = client_for(world["users"]["koeln"]).post(
        "/arbeitsgruppen/neu/", group_data(world["bonn"])
    )
    assert response.status_code == 400
    assert not WorkingGroup.objects.exists()


@pytest.mark.parametrize("who", ["initiative", "plain", "anonymous"])
def test_others_cannot_start_groups(world, who):
    client = client_for(world["users"][who])
    response = client.post("/arbeitsgruppen/neu/", group_data(world["koeln"]))
    assert response.status_code == (302 if who == "anonymous" else 403)
    assert not WorkingGroup.objects.exists()


@pytest.fixture
def group(world):
    group = WorkingGroupFactory(name="AG Wärme", municipality=world["koeln"])
    GroupMemberFactory(group=group, user=world["users"]["koeln"], role=GroupRole.CHAIR)
    return group


def test_the_chair_edits_purpose_and_sdg_focus(world, group):
    client = client_for(world["users"]["koeln"])
    data = group_data(world["koeln"], name="AG Wärme", purpose="Neuer Zweck", sdgs=["7"])
    assert client.post(f"/arbeitsgruppen/{group.slug}/bearbeiten/", data).status_code == 302
    group.refresh_from_db()
    assert group.purpose == "Neuer Zweck"
    assert list(group.sdgs.values_list("number", flat=True)) == [7]


def next_tuesday() -> datetime:
    day = timezone.localdate() + timedelta(days=7)
    day += timedelta(days=(1 - day.weekday()) % 7)
    return datetime(day.year, day.month, day.day, 17, 0, tzinfo=EVENT_TZ)


def test_the_chair_sets_up_a_monthly_series_and_invites_a_member(world, group, mailoutbox):
    client = client_for(world["users"]["koeln"])
    start = next_tuesday()
    response = client.post(
        f"/arbeitsgruppen/{group.slug}/treffen/neu/",
        {
            "start": start.strftime("%Y-%m-%dT%H:%M"),
            "end": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "repeat": "monthly_weekday",
            "format": "online",
            "online_url": "https://meet.example/ag-waerme",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    [series] = group.meeting_series.all()
    assert series.event.event_type == EventType.WORKING_GROUP
    assert series.event.recurrence.startswith("FREQ=MONTHLY;BYDAY=")
    assert series.event.occurrences.count() >= 12
    client.post(f"/arbeitsgruppen/{group.slug}/einladen/", {"email": "neu@example.org"})
    assert [m.to for m in mail.outbox] == [["neu@example.org"]]


ACTIONS = [
    ("get", "/arbeitsgruppen/{slug}/bearbeiten/"),
    ("post", "/arbeitsgruppen/{slug}/bearbeiten/"),
    ("get", "/arbeitsgruppen/{slug}/treffen/neu/"),
    ("post", "/arbeitsgruppen/{slug}/treffen/neu/"),
]


@pytest.mark.parametrize(("method", "url"), ACTIONS)
@pytest.mark.parametrize("who", ["initiative", "plain", "anonymous", "member"])
def test_only_chairs_edit_and_schedule(world, group, who, method, url):
    user = world["users"].get(who)
    if who == "member":
        user = GroupMemberFactory(group=group).user
    before = (group.name, group.purpose, group.meeting_series.count())
    data = group_data(world["koeln"], name="Übernommen") if method == "post" else None
    response = getattr(client_for(user), method)(url.format(slug=group.slug), data)
    if who == "anonymous":
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
    else:
        assert response.status_code == 403
    group.refresh_from_db()
    assert (group.name, group.purpose, group.meeting_series.count()) == before


def test_the_municipality_picker_suggests_and_accepts_names_and_keys(world):
    client = client_for(world["users"]["network"])
    page = client.get("/arbeitsgruppen/neu/").content.decode()
    assert '<datalist id="id_municipality-options">' in page
    assert '<option value="Bonn">' in page and '<option value="Köln">' in page
    by_key = group_data(world["bonn"], name="AG Bonn", municipality=world["bonn"].ags)
    assert client.post("/arbeitsgruppen/neu/", by_key).status_code == 302
    assert WorkingGroup.objects.get(name="AG Bonn").municipality == world["bonn"]
    unknown = client.post(
        "/arbeitsgruppen/neu/", group_data(world["bonn"], municipality="Atlantis")
    )
    assert unknown.status_code == 400 and "Unbekannte Kommune" in unknown.content.decode()
