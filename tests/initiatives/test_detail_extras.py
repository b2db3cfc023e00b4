"""The detail page shows the entry's upcoming events, its open needs and a route link."""

import pytest

from tests.factories import (
    EventFactory,
    InitiativeFactory,
    NeedFactory,
    OrganisationFactory,
    _next_local,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(reference_data):
    return InitiativeFactory(name="Repair Café Ehrenfeld", latitude=50.9512, longitude=6.9171)


def test_upcoming_events_of_the_entry_only(client, entry):
    EventFactory(title="Reparaturtreffen Dezember", organiser_initiative=entry)
    EventFactory(title="Fremdes Treffen")
    past = _next_local(-3, 18)
    EventFactory(
        title="Vergangenes Treffen",
        organiser_initiative=entry,
        start=past,
        end=past.replace(hour=20),
    )
    EventFactory(title="Entwurfstreffen", organiser_initiative=entry, status="pending")
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "Kommende Veranstaltungen" in html
    assert "Reparaturtreffen Dezember" in html
    for other in ("Fremdes Treffen", "Vergangenes Treffen", "Entwurfstreffen"):
        assert other not in html


def test_open_needs_of_the_entry_only(client, entry):
    org = OrganisationFactory(type="initiative", initiative=entry)
    NeedFactory(organisation=org, title="Werkbank gesucht")
    NeedFactory(organisation=org, title="Schon gelöst", status="solved")
    NeedFactory(title="Bedarf von anderen")
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "Werkbank gesucht" in html
    assert "Schon gelöst" not in html
    assert "Bedarf von anderen" not in html


def test_no_sections_without_events_or_needs(client, entry):
    html = client.get(entry.get_absolute_url()).content.decode()
    assert 'id="upcoming-events"' not in html
    assert 'id="open-needs"' not in html


def test_route_link_is_a_plain_link_to_osm(client, entry):
    html = client.get(entry.get_absolute_url()).content.decode()
    assert (
        'href="https://www.openstreetmap.org/directions?to=50.951200%2C6.917100'
        '#map=16/50.951200/6.917100"' in html
    )
    assert "Route planen" in html
    # Nothing from OpenStreetMap's routing is loaded with the page.
    assert "routing.openstreetmap" not in html
    assert '<script src="https://www.openstreetmap' not in html
