"""English dates cannot be misread ("Tue 1 Dec 2026", never "12/01/2026"); German as before."""

from datetime import date, datetime

import pytest
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

from mitmachkarte.events.recurrence import EVENT_TZ
from tests.factories import EventFactory

DAY = datetime(2026, 12, 1, 18, 30, tzinfo=EVENT_TZ)


@pytest.mark.parametrize(
    ("name", "english", "german"),
    [
        ("DATE_FORMAT", "Tue 1 Dec 2026", "1. Dezember 2026"),
        ("DATETIME_FORMAT", "Tue 1 Dec 2026, 18:30", "1. Dezember 2026 18:30"),
        ("SHORT_DATE_FORMAT", "1 Dec 2026", "01.12.2026"),
        ("SHORT_DATETIME_FORMAT", "1 Dec 2026, 18:30", "01.12.2026 18:30"),
        ("TIME_FORMAT", "18:30", "18:30"),
    ],
)
def test_named_formats(name, english, german):
    with translation.override("en"):
        assert date_format(DAY, name) == english
    with translation.override("de"):
        assert date_format(DAY, name) == german


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_data")
def test_an_event_page_in_english_names_the_month(client):
    start = datetime(date.today().year + 1, 12, 1, 18, 0, tzinfo=EVENT_TZ)
    event = EventFactory(title="Regionalgespräch", start=start, end=start.replace(hour=20))
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get(event.get_absolute_url()).content.decode()
    with translation.override("en"):
        weekday = date_format(start, "D")
    assert f"{weekday}, 1 Dec {start.year}" in english
    assert f"12/01/{start.year}" not in english and f"12/1/{start.year}" not in english
    german = client.get(event.get_absolute_url()).content.decode()
    assert f"01.12.{start.year}" in german
