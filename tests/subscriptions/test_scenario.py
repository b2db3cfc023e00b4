"""Done when: a citizen gets a weekly mail of new initiatives in her town."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from mitmachkarte.subscriptions.models import Subscription
from tests.factories import InitiativeFactory

from .conftest import link_from

pytestmark = pytest.mark.django_db


def test_a_citizen_gets_a_weekly_mail_of_new_initiatives_in_her_town(client, towns):
    client.post(
        "/abonnieren/?kommune=muenster",
        {
            "email": "anna@example.org",
            "area_type": "municipality",
            "municipality": "muenster",
            "kinds": ["initiatives"],
            "frequency": "weekly",
            "consent": "on",
        },
    )
    confirm_path, _token = link_from(mail.outbox[0], "bestaetigen")
    client.post(confirm_path)
    mail.outbox.clear()

    InitiativeFactory(name="Repair-Café Kreuzviertel", latitude=51.961, longitude=7.631)
    InitiativeFactory(name="Foodsharing Greven", latitude=52.091, longitude=7.611)
    out = StringIO()
    call_command("send_subscription_mails", "--weekly", stdout=out)
    call_command("send_subscription_mails", "--weekly", stdout=out)  # cron may repeat

    assert "weekly digests: 1 due, 1 mails sent with 1 items" in out.getvalue()
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["anna@example.org"]
    assert digest.subject == "Wochenüberblick für Münster – Mitmachkarte"
    assert "Neue Initiativen (1)" in digest.body
    assert "Repair-Café Kreuzviertel" in digest.body
    assert "Foodsharing Greven" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    unsubscribe_path, _token = link_from(digest, "abmelden")
    client.post(unsubscribe_path)
    assert not Subscription.objects.exists()
