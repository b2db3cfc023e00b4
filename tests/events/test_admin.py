"""The admin: creating a recurring event makes its dates; approving mails the organiser."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from mitmachkarte.events import organiser_links
from mitmachkarte.events.models import Event, EventStatus
from tests.factories import EventFactory

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def form_data(**changes):
    day = timezone.localdate() + timedelta(days=3)
    while day.weekday() != 5:  # a Saturday
        day += timedelta(days=1)
    data = {
        "title": "Repair Café",
        "slug": "repair-cafe",
        "event_type": "other",
        "status": "published",
        "description": "",
        "start_0": day.isoformat(),
        "start_1": "10:00",
        "end_0": day.isoformat(),
        "end_1": "13:00",
        "recurrence": "FREQ=WEEKLY;BYDAY=SA",
        "format": "in_person",
        "venue_name": "Treff",
        "street": "",
        "postcode": "50667",
        "city": "Köln",
        "latitude": "",
        "longitude": "",
        "online_url": "",
        "organiser_name": "Repair Café Köln",
        "organiser_url": "",
        "organiser_email": "",
        "registration_deadline_0": "",
        "registration_deadline_1": "",
        "capacity": "",
        "occurrences-TOTAL_FORMS": "0",
        "occurrences-INITIAL_FORMS": "0",
        "occurrences-MIN_NUM_FORMS": "0",
        "occurrences-MAX_NUM_FORMS": "0",
    }
    return {**data, **changes}


def test_admin_creates_a_recurring_event_with_its_dates(staff):
    response = staff.post("/admin/events/event/add/", form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="repair-cafe")
    assert event.latitude is not None  # from the postcode
    dates = list(event.occurrences.all())
    assert len(dates) >= 52
    assert {timezone.localtime(o.start).strftime("%a %H:%M") for o in dates} == {"Sat 10:00"}
    assert staff.get(f"/admin/events/event/{event.pk}/change/").status_code == 200


def test_admin_shows_rule_errors_and_saves_nothing(staff):
    response = staff.post("/admin/events/event/add/", form_data(recurrence="FREQ=WEEKLY;BYDAY=SU"))
    assert response.status_code == 200
    assert "recurrence" in response.context["adminform"].form.errors
    assert not Event.objects.exists()


def test_approve_action_publishes_and_mails_the_organiser_link(staff, mailoutbox):
    event = EventFactory(status="pending", organiser_email="orga@initiative.example")
    staff.post("/admin/events/event/", {"action": "approve", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    assert mailoutbox[-1].to == ["orga@initiative.example"]
    link = re.search(r"/veranstaltungen/organisation/([^/\s]+)/", mailoutbox[-1].body)
    assert organiser_links.event_for(link.group(1)) == event
