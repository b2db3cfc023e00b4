from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from mitmachkarte.initiatives.models import Initiative
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
    for n in range(40):
        InitiativeFactory(name=f"Eintrag {n}", latitude=51.0, longitude=7.0)
    Initiative.objects.update(last_confirmed_at=timezone.now() - timedelta(days=700))
    return town


def test_demo_needs_the_accounts(bochum):
    with pytest.raises(CommandError, match="load_demo_accounts"):
        call_command("load_demo_stewardship")


def test_demo_history_and_stale_entries_once(bochum, capsys, client):
    call_command("load_demo_accounts")
    call_command("load_demo_stewardship")
    call_command("load_demo_stewardship")
    out = capsys.readouterr().out
    assert "3 demo versions" in out and "0 demo versions" in out
    entry = Initiative.objects.get(name="Repair Café Bochum")
    assert entry.history.filter(history_user__email="initiative@demo.example").count() == 3
    outdated = [i for i in Initiative.objects.all() if i.may_be_outdated]
    assert 1 <= len(outdated) <= 4  # about 5 % of 41
    for i in outdated:
        age = timezone.now() - i.last_confirmed_at
        assert timedelta(days=19 * 30) <= age <= timedelta(days=31 * 30)
    client.post("/konto/login/", {"login": "bochum@demo.example", "password": "mitmachen-demo"})
    assert client.get("/moderation/veraltet/").status_code == 200
