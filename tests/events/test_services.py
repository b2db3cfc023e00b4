"""Event rules, occurrences and campaign submissions (services)."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from mitmachkarte.events import organiser_links, registrations, services
from mitmachkarte.events.models import Event, EventStatus, Occurrence
from mitmachkarte.events.recurrence import EVENT_TZ
from tests.factories import CampaignFactory, EventFactory

from .conftest import token_from

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def soon(days=7, hour=18, minute=0) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=EVENT_TZ)


def errors_of(exc: pytest.ExceptionInfo) -> dict:
    return exc.value.message_dict


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"end": soon(7, 17)}, "end", "end must be after the start"),
        ({"end": soon(7, 18)}, "end", "end must be after the start"),
        ({"capacity": 0}, "capacity", "at least 1"),
        ({"recurrence": "FREQ=WEEKLY;BYDAY=XX"}, "recurrence", "not a valid RRULE"),
        ({"recurrence": "FREQ=HOURLY"}, "recurrence", "daily, weekly"),
        ({"format": "online", "online_url": ""}, "online_url", "needs a meeting link"),
        ({"format": "hybrid", "online_url": ""}, "online_url", "needs a meeting link"),
        ({"venue_name": "", "city": ""}, "city", "needs a venue address"),
        ({"latitude": None, "longitude": None}, "latitude", "needs coordinates"),
        ({"latitude": 95.0}, "latitude", "less than or equal to 90"),
        ({"online_url": "javascript:alert(1)", "format": "online"}, "online_url", "valid URL"),
        ({"registration_deadline": soon(8)}, "registration_deadline", "not be after"),
        ({"title": "Treff\nBcc: x@example.org"}, "title", "on one line"),
        ({"organiser_name": "Verein\r\nX"}, "organiser_name", "on one line"),
        ({"venue_name": "Saal\x00"}, "venue_name", "on one line"),
    ],
)
def test_invalid_events_are_refused_and_nothing_is_saved(changes, field, message):
    with pytest.raises(ValidationError) as exc:
        EventFactory(**changes)
    assert any(message in text for text in errors_of(exc)[field])
    assert Event.objects.count() == 0
    assert Occurrence.objects.count() == 0


def test_unknown_category_rolls_back_the_whole_event():
    with pytest.raises(ValidationError):
        EventFactory(categories=["repair", "no-such-category"])
    assert Event.objects.count() == 0 and Occurrence.objects.count() == 0


def test_online_event_needs_no_venue_and_postcode_gives_coordinates():
    online = EventFactory(
        format="online",
        online_url="https://meet.example/x",
        venue_name="",
        city="",
        latitude=None,
        longitude=None,
    )
    assert online.occurrences.count() == 1 and online.latitude is None
    by_postcode = EventFactory(latitude=None, longitude=None, postcode="48143", city="Münster")
    assert by_postcode.latitude == pytest.approx(51.96, abs=0.05)


def test_hybrid_event_for_three_municipalities(towns):
    event = EventFactory(
        format="hybrid",
        online_url="https://meet.example/rg",
        municipalities=towns,
        capacity=30,
        registration_enabled=True,
        categories=["repair"],
        sdgs=[11, 17],
    )
    assert {m.name for m in event.municipalities.all()} == {"Münster", "Greven", "Telgte"}
    assert sorted(event.sdgs.values_list("number", flat=True)) == [11, 17]
    assert (
        event.status == EventStatus.PUBLISHED
        and event.slug == "vernetzungstreffen-" + (event.title.split()[-1])
    )


def test_municipality_comes_from_the_venue_when_not_given(towns):
    event = EventFactory(latitude=51.961, longitude=7.631)
    assert list(event.municipalities.all()) == [towns[0]]


def test_slugs_are_unique_and_never_a_reserved_path():
    first, second = EventFactory(title="Kalender"), EventFactory(title="Kalender")
    assert first.slug == "kalender-2" and second.slug == "kalender-3"


def test_recurring_event_gets_its_dates_within_a_year():
    start = soon(1, 10)
    event = EventFactory(start=start, end=start + timedelta(hours=3), recurrence="FREQ=WEEKLY")
    dates = list(event.occurrences.order_by("start"))
    assert 52 <= len(dates) <= 53
    assert all(o.start.astimezone(EVENT_TZ).strftime("%H:%M") == "10:00" for o in dates)


def test_changing_the_rule_drops_free_dates_and_cancels_booked_ones():
    start = soon(1, 10)
    event = EventFactory(
        start=start,
        end=start + timedelta(hours=2),
        recurrence="FREQ=WEEKLY;COUNT=4",
        registration_enabled=True,
    )
    booked = event.occurrences.order_by("start")[2]
    registrations.register(occurrence=booked, name="Ada", email="ada@example.org")
    event.recurrence = "FREQ=WEEKLY;COUNT=2"
    event.full_clean()
    event.save()
    assert services.sync_occurrences(event=event) == 2
    remaining = list(event.occurrences.order_by("start").values_list("is_cancelled", flat=True))
    assert remaining == [False, False, True]  # the fourth is gone, the booked third cancelled


def test_moving_a_single_event_keeps_its_registrations():
    event = EventFactory(registration_enabled=True)
    occurrence = event.occurrences.get()
    registrations.register(occurrence=occurrence, name="Ada", email="ada@example.org")
    event.start, event.end = soon(9, 17), soon(9, 19)
    event.save()
    services.sync_occurrences(event=event)
    moved = event.occurrences.get()
    assert moved.pk == occurrence.pk and moved.start == soon(9, 17)
    assert moved.registrations.count() == 1


def test_extending_recurring_events_adds_dates_as_time_passes():
    start = soon(1, 10)
    event = EventFactory(
        start=start, end=start + timedelta(hours=1), recurrence="FREQ=WEEKLY;INTERVAL=4"
    )
    last_before = event.occurrences.order_by("start").last().start
    later = timezone.now() + timedelta(days=95)
    assert services.extend_recurring_events(now=later) == 1
    dates = [o.start.astimezone(EVENT_TZ) for o in event.occurrences.order_by("start")]
    assert dates[0] == start  # past dates stay as history
    assert dates[-1] >= last_before + timedelta(days=3 * 28)
    assert later + timedelta(days=365 - 28) < dates[-1] <= later + timedelta(days=365)
    assert {(b.date() - a.date()).days for a, b in zip(dates, dates[1:], strict=False)} == {28}


@pytest.fixture
def campaign():
    today = timezone.localdate()
    return CampaignFactory(
        name="GlücksTaten",
        slug="glueckstaten",
        starts_on=today + timedelta(days=10),
        ends_on=today + timedelta(16),
    )


def submit(campaign, **changes):
    data = {
        "title": "Kleidertausch",
        "start": soon(12, 10),
        "end": soon(12, 14),
        "organiser_name": "Tauschring",
        "organiser_email": "tausch@initiative.example",
        "city": "Köln",
        "postcode": "50667",
        "format": "in_person",
        "categories": ["repair"],
    }
    return services.submit_campaign_action(campaign=campaign, **{**data, **changes})


def test_submitted_action_waits_for_moderation(campaign, mailoutbox):
    event = submit(campaign)
    assert event.status == EventStatus.PENDING and event.campaign == campaign
    assert event.event_type == "action_day" and event.latitude is not None
    assert [m.to for m in mailoutbox] == [["tausch@initiative.example"]]
    services.publish_event(event=event)
    assert event.status == EventStatus.PUBLISHED
    token = re.search(r"/veranstaltungen/organisation/([^/\s]+)/", mailoutbox[-1].body).group(1)
    assert organiser_links.event_for(token) == event


@pytest.mark.parametrize("day", [9, 17])
def test_action_outside_the_campaign_days_is_refused(campaign, day):
    with pytest.raises(ValidationError) as exc:
        submit(campaign, start=soon(day, 10), end=soon(day, 12))
    assert "during the campaign" in errors_of(exc)["start"][0]
    assert Event.objects.count() == 0


def test_closed_campaign_takes_no_submissions(campaign):
    campaign.submissions_open = False
    campaign.save()
    with pytest.raises(ValidationError, match="does not accept"):
        submit(campaign)


def test_campaign_last_day_not_before_first():
    with pytest.raises(ValidationError):
        services.create_campaign(name="X", starts_on=date(2026, 9, 26), ends_on=date(2026, 9, 20))


def test_renewed_organiser_token_replaces_the_old_one():
    event = EventFactory()
    old = organiser_links.renew(event=event)
    new = organiser_links.renew(event=event)
    assert new != old and len(new) >= 30
    assert organiser_links.event_for(new) == event and organiser_links.event_for(old) is None


def test_capacity_growth_moves_people_up(mailoutbox):
    event = EventFactory(capacity=1, registration_enabled=True)
    occurrence = event.occurrences.get()
    for name in ("Ada", "Bea"):
        registrations.register(occurrence=occurrence, name=name, email=f"{name}@example.org")
        registrations.confirm(token=token_from(mailoutbox[-1], "bestaetigen"))
    event.capacity = 2
    event.save()
    assert registrations.fill_from_waiting_list(event=event) == 1
    assert set(occurrence.registrations.values_list("status", flat=True)) == {"confirmed"}


def test_descriptions_are_stored_with_lf_and_without_trailing_spaces():
    event = EventFactory(description="Wir treffen uns.  \r\n\r\n- Kaffee\r\n- Kuchen \r\n")
    assert Event.objects.get(pk=event.pk).description == "Wir treffen uns.\n\n- Kaffee\n- Kuchen"
