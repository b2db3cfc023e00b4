import pytest
from django.core.management import CommandError, call_command

from mitmachkarte.organisations import rules as permissions
from mitmachkarte.organisations.models import Membership, Organisation
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bochum(reference_data):
    town = MunicipalityFactory(
        name="Bochum",
        slug="bochum",
        ags="05911000",
        latitude=51.48,
        longitude=7.22,
        with_boundary=True,
    )
    InitiativeFactory(name="Repair Café Bochum", latitude=51.48, longitude=7.22)
    return town


def test_demo_accounts_are_created_once_and_can_log_in(client, bochum, capsys):
    call_command("load_demo_accounts")
    call_command("load_demo_accounts")
    out = capsys.readouterr().out
    assert "netzwerk@demo.example" in out and "mitmachen-demo" in out
    assert Organisation.objects.count() == 3
    assert Membership.objects.count() == 3
    city = Organisation.objects.get(municipality=bochum)
    assert city.name == "Stadt Bochum – Nachhaltigkeitsmanagement"

    initiative = bochum.initiatives.get()
    by_email = {m.user.email: m.user for m in Membership.objects.select_related("user")}
    assert permissions.is_network_team(by_email["netzwerk@demo.example"])
    assert permissions.can_moderate_initiative(by_email["bochum@demo.example"], initiative)
    assert permissions.can_edit_initiative(by_email["initiative@demo.example"], initiative)
    assert not permissions.can_moderate_initiative(by_email["initiative@demo.example"], initiative)
    for email in by_email:
        response = client.post("/konto/login/", {"login": email, "password": "mitmachen-demo"})
        assert response.status_code == 302 and response["Location"] == "/", email
        client.logout()


def test_demo_accounts_need_the_demo_data(db):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("load_demo_accounts")
