"""The issue's "done when": a hybrid regional talk, 30 places, the 31st moves up."""

import re
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from mitmachkarte.events import services
from mitmachkarte.events.models import Campaign, Event, Registration
from mitmachkarte.events.recurrence import EVENT_TZ

from .conftest import token_from

pytestmark = pytest.mark.usefixtures("reference_data")


def test_coordinator_talk_with_waiting_list_and_calendars(client, towns, mailoutbox):
    day = timezone.localdate() + timedelta(days=21)
    start = datetime(day.year, day.month, day.day, 17, 0, tzinfo=EVENT_TZ)
    event = services.create_event(
        title="Regionalgespräch Münsterland",
        event_type="regional_talk",
        start=start,
        end=start + timedelta(hours=3),
        organiser_name="Netzwerkteam NRW",
        format="hybrid",
        venue_name="Stadtteilhaus",
        city="Münster",
        postcode="48143",
        online_url="https://meet.example/rg-muensterland",
        municipalities=towns,
        capacity=30,
        registration_enabled=True,
        organiser_email="netzwerk@example.org",
    )
    occurrence = event.occurrences.get()
    page = f"/veranstaltungen/{event.slug}/anmelden/"
    cancel_links = {}
    for n in range(1, 32):
        response = client.post(
            page,
            {"occurrence": occurrence.pk, "name": f"Person {n}", "email": f"person{n}@example.org"},
            REMOTE_ADDR=f"198.51.100.{n}",  # 31 people, not one client
        )
        assert response.status_code == 200
        token = token_from(mailoutbox[-1], "bestaetigen")
        assert client.post(f"/veranstaltungen/anmeldung/bestaetigen/{token}/").status_code == 200
        cancel_links[n] = token_from(mailoutbox[-1], "abmelden")
    status = dict(Registration.objects.values_list("email", "status"))
    assert list(status.values()).count("confirmed") == 30
    assert status["person31@example.org"] == "waitlisted"

    client.post(f"/veranstaltungen/anmeldung/abmelden/{cancel_links[7]}/")
    status = dict(Registration.objects.values_list("email", "status"))
    assert status["person7@example.org"] == "cancelled"
    assert status["person31@example.org"] == "confirmed"
    assert list(status.values()).count("confirmed") == 30
    promoted = mailoutbox[-1]
    assert promoted.to == ["person31@example.org"]
    assert "https://meet.example/rg-muensterland" in promoted.body

    # Every participant's calendar: the .ics linked in the mail shows 17:00 Berlin time.
    ics_path = re.search(r"https?://[^/\s]+(/veranstaltungen/\S+\.ics)", promoted.body).group(1)
    [vevent] = Calendar.from_ical(client.get(ics_path).content).walk("VEVENT")
    assert vevent["dtstart"].params["TZID"] == "Europe/Berlin"
    assert vevent.decoded("dtstart").strftime("%H:%M") == "17:00"
    assert vevent.decoded("dtstart").astimezone(UTC) == start.astimezone(UTC)
    assert {m.name for m in event.municipalities.all()} == {"Münster", "Greven", "Telgte"}


def test_load_demo_events(nrw_municipalities, reference_data):
    out = StringIO()
    call_command("load_demo_events", stdout=out)
    assert "Events: 21 created" in out.getvalue()
    campaign = Campaign.objects.get()
    assert campaign.name.startswith("GlücksTaten 20")
    assert (campaign.starts_on.month, campaign.starts_on.day) == (9, 20)
    assert (campaign.ends_on.month, campaign.ends_on.day) == (9, 26)
    assert campaign.ends_on >= timezone.localdate()  # the next action days, never the past
    assert campaign.events.filter(status="published").count() == 8
    assert campaign.events.filter(status="pending").count() == 2
    assert Event.objects.filter(event_type="regional_talk").values("city").distinct().count() == 5
    assert Event.objects.filter(format="online").exclude(recurrence="").exists()
    assert Event.objects.filter(recurrence="FREQ=MONTHLY;BYDAY=2SA").exists()
    call_command("load_demo_events", stdout=out)
    assert "Events: 0 created" in out.getvalue()
    assert Event.objects.count() == 21


def test_load_demo_events_needs_the_municipalities(db):
    with pytest.raises(Exception, match="load_demo"):
        call_command("load_demo_events", stdout=StringIO())
