"""iCalendar output parsed back with `icalendar`, field by field, and the feed's filters."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from dateutil.rrule import rrulestr
from django.utils import timezone
from icalendar import Calendar

from mitmachkarte.events import services
from mitmachkarte.events.recurrence import EVENT_TZ
from tests.factories import EventFactory, MunicipalityFactory

pytestmark = pytest.mark.usefixtures("reference_data")


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(cal: Calendar) -> dict[str, object]:
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def next_weekday(weekday: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, tzinfo=EVENT_TZ)


def test_single_event_field_by_field(client, towns):
    event = EventFactory(
        title="Regionalgespräch Münsterland",
        event_type="regional_talk",
        format="hybrid",
        start=datetime(2031, 11, 13, 17, 0, tzinfo=EVENT_TZ),
        end=datetime(2031, 11, 13, 20, 0, tzinfo=EVENT_TZ),
        online_url="https://meet.example/rg",
        venue_name="Stadtteilhaus",
        street="Weg 1",
        postcode="48143",
        city="Münster",
        latitude=51.96,
        longitude=7.63,
        description="Initiativen und Kommune, *gemeinsam*.",
        categories=["repair"],
        municipalities=towns,
        registration_enabled=False,
    )
    cal = parse(client.get(f"/veranstaltungen/{event.slug}.ics"))
    assert str(cal["version"]) == "2.0" and "Mitmachkarte" in str(cal["prodid"])
    [tz] = cal.walk("VTIMEZONE")
    assert str(tz["tzid"]) == "Europe/Berlin"
    assert {str(c["tzname"]) for c in tz.subcomponents} == {"CET", "CEST"}
    [vevent] = cal.walk("VEVENT")
    assert str(vevent["uid"]) == f"event-{event.pk}@127.0.0.1"
    assert str(vevent["summary"]) == "Regionalgespräch Münsterland"
    assert vevent["dtstart"].params["TZID"] == "Europe/Berlin"
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert (start.hour, start.minute, end.hour) == (17, 0, 20)
    assert start == event.start and start.astimezone(UTC).hour == 16  # CET in November
    assert vevent.decoded("dtstamp").tzinfo is not None
    assert str(vevent["location"]) == "Stadtteilhaus, Weg 1, 48143 Münster"
    assert vevent["geo"].latitude == pytest.approx(51.96)
    assert vevent["geo"].longitude == pytest.approx(7.63)
    assert str(vevent["url"]).endswith(f"/veranstaltungen/{event.slug}/")
    assert "*gemeinsam*" in str(vevent["description"])
    assert "https://meet.example/rg" in str(vevent["description"])  # public link
    assert "Reparieren" in [str(c) for c in vevent["categories"].cats]
    assert str(vevent["status"]) == "CONFIRMED"
    assert "rrule" not in vevent


def test_the_dtstart_is_the_same_instant_as_stored_in_summer_and_winter(client):
    summer = EventFactory(
        title="Sommer",
        start=datetime(2031, 7, 1, 10, tzinfo=EVENT_TZ),
        end=datetime(2031, 7, 1, 12, tzinfo=EVENT_TZ),
    )
    winter = EventFactory(
        title="Winter",
        start=datetime(2031, 12, 1, 10, tzinfo=EVENT_TZ),
        end=datetime(2031, 12, 1, 12, tzinfo=EVENT_TZ),
    )
    feed = vevents(parse(client.get("/veranstaltungen/feed.ics?start_min=2031-01-01")))
    for event in (summer, winter):
        decoded = feed[event.title].decoded("dtstart")
        assert decoded.astimezone(UTC) == event.start.astimezone(UTC)
        assert decoded.hour == 10
    assert feed["Sommer"].decoded("dtstart").utcoffset() == timedelta(hours=2)
    assert feed["Winter"].decoded("dtstart").utcoffset() == timedelta(hours=1)


def test_online_link_of_an_event_with_registration_stays_private(client):
    event = EventFactory(
        format="online",
        online_url="https://meet.example/geheim",
        registration_enabled=True,
        venue_name="",
        city="",
        latitude=None,
        longitude=None,
    )
    body = client.get(f"/veranstaltungen/{event.slug}.ics").content.decode()
    assert "geheim" not in body
    assert "LOCATION:Online" in body


def test_recurring_event_is_one_vevent_with_its_rule_across_dst(client):
    start = next_weekday(5, 10)  # the next Saturday, 10:00
    event = EventFactory(
        title="Repair Café",
        start=start,
        end=start + timedelta(hours=3),
        recurrence="FREQ=WEEKLY;BYDAY=SA",
        registration_enabled=True,
    )
    dropped = event.occurrences.order_by("start")[3]
    dropped.is_cancelled = True
    dropped.save()
    [vevent] = parse(client.get(f"/veranstaltungen/{event.slug}.ics")).walk("VEVENT")
    assert vevent["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=SA"
    assert [d.dt for d in vevent["exdate"].dts] == [dropped.start.astimezone(EVENT_TZ)]
    # A calendar app expanding the parsed rule gets exactly our stored dates, at 10:00 local.
    rule = rrulestr(vevent["rrule"].to_ical().decode(), dtstart=vevent.decoded("dtstart"))
    stored = list(event.occurrences.order_by("start").values_list("start", flat=True))
    theirs = rule.between(stored[0] - timedelta(minutes=1), stored[-1], inc=True)
    assert [d.astimezone(UTC) for d in theirs] == [s.astimezone(UTC) for s in stored]
    assert {d.hour for d in theirs} == {10}
    assert {d.utcoffset() for d in theirs} == {timedelta(hours=1), timedelta(hours=2)}


@pytest.fixture
def feed_events(towns):
    bochum = MunicipalityFactory(
        name="Bochum",
        slug="bochum",
        ags="05911000",
        latitude=51.48,
        longitude=7.22,
        with_boundary=True,
    )
    start = next_weekday(2, 18)
    make = EventFactory
    return {
        "talk": make(
            title="Regionalgespräch",
            event_type="regional_talk",
            start=start,
            end=start + timedelta(hours=2),
            municipalities=towns,
            categories=["repair"],
        ),
        "online": make(
            title="Online-Treffen",
            format="online",
            online_url="https://x.example",
            venue_name="",
            city="",
            latitude=None,
            longitude=None,
            start=start + timedelta(days=10),
            end=start + timedelta(days=10, hours=1),
        ),
        "hybrid": make(
            title="Hybrid-AG",
            event_type="working_group",
            format="hybrid",
            online_url="https://y.example",
            municipalities=[bochum],
            start=start + timedelta(days=40),
            end=start + timedelta(days=40, hours=1),
        ),
        "pending": make(
            title="Noch nicht frei", status="pending", start=start, end=start + timedelta(hours=1)
        ),
        "past": make(
            title="Vorbei",
            start=start - timedelta(days=60),
            end=start - timedelta(days=60) + timedelta(hours=1),
        ),
        "start": start,
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Regionalgespräch", "Online-Treffen", "Hybrid-AG"}),
        ("?type=regional_talk", {"Regionalgespräch"}),
        ("?type=regional_talk&type=working_group", {"Regionalgespräch", "Hybrid-AG"}),
        ("?online=1", {"Online-Treffen", "Hybrid-AG"}),
        ("?municipality=greven", {"Regionalgespräch"}),
        ("?municipality=05911000", {"Hybrid-AG"}),
        ("?category=repair", {"Regionalgespräch"}),
        ("?online=1&municipality=bochum", {"Hybrid-AG"}),
    ],
)
def test_feed_filters(client, feed_events, query, expected):
    assert set(vevents(parse(client.get(f"/veranstaltungen/feed.ics{query}")))) == expected


def test_feed_date_range(client, feed_events):
    start = feed_events["start"]
    first = (start + timedelta(days=5)).date().isoformat()
    last = (start + timedelta(days=10)).date().isoformat()
    response = client.get(f"/veranstaltungen/feed.ics?start_min={first}&start_max={last}")
    assert set(vevents(parse(response))) == {"Online-Treffen"}
    older = (start - timedelta(days=90)).date().isoformat()
    assert "Vorbei" in vevents(parse(client.get(f"/veranstaltungen/feed.ics?start_min={older}")))


def test_feed_includes_the_recent_past_but_not_unpublished_events(client, feed_events):
    services.reject_event(event=feed_events["talk"])
    names = set(vevents(parse(client.get("/veranstaltungen/feed.ics"))))
    assert "Regionalgespräch" not in names and "Noch nicht frei" not in names


@pytest.mark.parametrize(
    "query, param",
    [
        ("type=party", "type"),
        ("start_min=morgen", "start_min"),
        ("online=vielleicht", "online"),
        ("municipality=atlantis", "municipality"),
        ("category=nope", "category"),
        ("bbox=1,2,3", "bbox"),
    ],
)
def test_feed_answers_bad_filters_with_400_naming_the_parameter(client, towns, query, param):
    response = client.get(f"/veranstaltungen/feed.ics?{query}")
    assert response.status_code == 400
    assert response.content.decode().startswith(f"{param}: ")


def test_participant_of_a_recurring_event_gets_their_own_date(client, mailoutbox):
    from mitmachkarte.events import registrations

    from .conftest import token_from

    start = next_weekday(5, 10)
    event = EventFactory(
        title="Repair Café",
        start=start,
        end=start + timedelta(hours=3),
        recurrence="FREQ=WEEKLY;BYDAY=SA",
        registration_enabled=True,
    )
    third = event.occurrences.order_by("start")[2]
    registrations.register(occurrence=third, name="Ada", email="ada@example.org")
    registrations.confirm(token=token_from(mailoutbox[-1], "bestaetigen"))
    path = re.search(r"https?://[^/\s]+(/veranstaltungen/\S+\.ics\S*)", mailoutbox[-1].body)
    assert path.group(1).endswith(f"?termin={third.pk}")
    [vevent] = parse(client.get(path.group(1))).walk("VEVENT")
    assert "rrule" not in vevent
    assert vevent.decoded("dtstart").astimezone(UTC) == third.start.astimezone(UTC)
    assert vevent.decoded("dtstart").strftime("%H:%M") == "10:00"
    assert str(vevent["uid"]) == f"event-{event.pk}-date-{third.pk}@127.0.0.1"
    assert client.get(f"/veranstaltungen/{event.slug}.ics?termin=99999999").status_code == 404
    assert client.get(f"/veranstaltungen/{event.slug}.ics?termin={'9' * 30}").status_code == 200
