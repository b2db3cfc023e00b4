import pytest
from django.core.management import call_command

from mitmachkarte.initiatives.models import Status
from mitmachkarte.moderation import selectors
from mitmachkarte.moderation.models import ProblemReport, Proposal
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.demo import BOCHUM_AGS
from mitmachkarte.organisations.models import Membership
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world(reference_data, nrw_municipalities):
    bochum = Municipality.objects.get(ags=BOCHUM_AGS)
    for n in range(3):
        InitiativeFactory(
            name=f"Bochumer Initiative {n}",
            latitude=bochum.latitude + n * 0.01,
            longitude=bochum.longitude,
        )
    InitiativeFactory(name="Kölner Initiative", latitude=50.94, longitude=6.96)


def test_demo_moderation_is_idempotent_and_prints_logins(demo_world, capsys, mailoutbox):
    call_command("load_demo_moderation")
    out = capsys.readouterr().out
    for email in ("netzwerk@demo.example", "bochum@demo.example", "initiative@demo.example"):
        assert email in out
    assert "mitmachen-demo" in out
    pending = Proposal.objects.filter(initiative__status=Status.PENDING)
    assert pending.count() == 5
    assert ProblemReport.objects.count() == 2
    call_command("load_demo_moderation")
    assert Proposal.objects.count() == 5 and ProblemReport.objects.count() == 2
    assert not mailoutbox  # demo data mails nobody

    bochum_user = Membership.objects.get(user__email="bochum@demo.example").user
    network = Membership.objects.get(user__email="netzwerk@demo.example").user
    in_bochum = selectors.pending_queue(bochum_user)
    assert len(in_bochum) == 3
    assert any(item.duplicates for item in in_bochum)
    assert len(selectors.pending_queue(network)) == 5
    assert selectors.open_reports(bochum_user).count() == 1
    assert selectors.open_reports(network).count() == 2
