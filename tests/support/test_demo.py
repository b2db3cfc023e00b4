"""`load_demo_support`: the done-when scenario works on the demo data, and twice is once."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from mitmachkarte.organisations.demo import DEMO_PASSWORD
from mitmachkarte.support import selectors
from mitmachkarte.support.models import Need, Offer
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_towns(reference_data):
    for name, slug, ags, lat, lon in [
        ("Bochum", "bochum", "05911000", 51.476, 7.228),
        ("Herne", "herne", "05916000", 51.537, 7.212),
        ("Köln", "koeln", "05315000", 50.957, 6.957),
    ]:
        MunicipalityFactory(
            name=name, slug=slug, ags=ags, latitude=lat, longitude=lon, with_boundary=True
        )
        InitiativeFactory(name=f"Repair Café {name}", latitude=lat, longitude=lon)


def test_refuses_without_the_demo_accounts(demo_towns):
    with pytest.raises(CommandError, match="load_demo_accounts"):
        call_command("load_demo_support")


def test_demo_room_need_of_bochum_meets_the_city_room_first(client, demo_towns):
    call_command("load_demo_accounts")
    call_command("load_demo_support")
    counts = (Offer.objects.count(), Need.objects.count())
    call_command("load_demo_support")
    assert (Offer.objects.count(), Need.objects.count()) == counts
    assert mail.outbox == []  # demo mails are not sent
    assert Offer.objects.filter(offer_type="permit", municipality__slug="koeln").exists()
    assert Offer.objects.filter(offer_type="funding", municipality=None).exists()

    need = Need.objects.get(title="Raum für unser monatliches Repair Café")
    first = selectors.matching_offers(need)[0].item
    assert first.title == "Stadtteilzentrum Langendreer – Gruppenraum"
    assert first.organisation.slug == "stadt-bochum-nachhaltigkeitsmanagement"

    client.post("/konto/login/", {"login": "bochum@demo.example", "password": DEMO_PASSWORD})
    page = client.get("/konto/arbeitsbereich/stadt-bochum-nachhaltigkeitsmanagement/")
    assert "Raum für unser monatliches Repair Café" in page.content.decode()
