from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from mitmachkarte.core.geo import BBox
from mitmachkarte.subscriptions import collectors, services, tokens
from mitmachkarte.subscriptions.models import Subscription
from tests.factories import EventFactory, InitiativeFactory

from .conftest import confirmed, days_ago, link_from

pytestmark = pytest.mark.django_db

# Münster's square boundary is 51.94–51.98 N, 7.61–7.65 E (factory: ±0.02°).
IN_MUENSTER = {"latitude": 51.961, "longitude": 7.631}
IN_GREVEN = {"latitude": 52.091, "longitude": 7.611}


def run(weekly: bool = False) -> None:
    call_command("send_subscription_mails", *(["--weekly"] if weekly else []), stdout=StringIO())


def test_subscribe_mails_only_the_confirmation_and_nothing_before_confirming(towns):
    subscription = services.subscribe(
        email=" Anna@Example.org ", municipality=towns["muenster"], frequency="weekly"
    )
    assert subscription.email == "anna@example.org"
    assert subscription.confirmed_at is None
    assert len(mail.outbox) == 1
    request = mail.outbox[0]
    assert request.to == ["anna@example.org"]
    assert request.subject == "Bitte bestätige dein Abonnement – Mitmachkarte"
    link_from(request, "bestaetigen")
    mail.outbox.clear()

    InitiativeFactory(name="Repair-Café Kreuzviertel", **IN_MUENSTER)
    run(weekly=True)
    run()
    assert mail.outbox == []  # double opt-in: nothing before the confirmation


def test_confirm_by_token_then_weekly_digest_of_her_town(towns):
    subscription = services.subscribe(email="anna@example.org", municipality=towns["muenster"])
    _path, token = link_from(mail.outbox[0], "bestaetigen")
    services.confirm(token=token)
    services.confirm(token=token)  # idempotent
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    mail.outbox.clear()

    InitiativeFactory(name="Repair-Café Kreuzviertel", **IN_MUENSTER)
    InitiativeFactory(name="Foodsharing Greven", **IN_GREVEN)
    InitiativeFactory(name="Alter Garten", created_at=days_ago(8), **IN_MUENSTER)
    InitiativeFactory(name="Entwurf", status="pending", **IN_MUENSTER)
    run(weekly=True)

    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert "Münster" in digest.subject
    assert "Repair-Café Kreuzviertel" in digest.body
    assert "/initiativen/repair-cafe-kreuzviertel/" in digest.body
    for absent in ("Foodsharing Greven", "Alter Garten", "Entwurf"):
        assert absent not in digest.body
    html, mimetype = digest.alternatives[0]
    assert mimetype == "text/html" and "Repair-Café Kreuzviertel" in html
    link_from(digest, "verwalten")
    link_from(digest, "abmelden")


def test_weekly_digest_is_sent_once_per_iso_week(towns):
    subscription = confirmed(email="anna@example.org", municipality=towns["muenster"])
    InitiativeFactory(name="Repair-Café", **IN_MUENSTER)
    run(weekly=True)
    run(weekly=True)
    assert len(mail.outbox) == 1
    subscription.refresh_from_db()
    assert subscription.last_digest_week == services.iso_week(timezone.now())

    next_week = timezone.now() + timedelta(days=7)
    InitiativeFactory(name="Tauschregal", created_at=next_week - timedelta(hours=1), **IN_MUENSTER)
    count = services.send_subscription_mail(
        subscription_id=subscription.pk, weekly=True, until=next_week
    )
    assert count == 1
    assert (
        services.send_subscription_mail(
            subscription_id=subscription.pk, weekly=True, until=next_week
        )
        == 0
    )
    assert len(mail.outbox) == 2
    assert "Tauschregal" in mail.outbox[1].body and "Repair-Café" not in mail.outbox[1].body


def test_area_as_a_box_and_topics(towns):
    box = BBox(west=7.60, south=52.08, east=7.62, north=52.10)  # around Greven's centre
    confirmed(email="ben@example.org", bbox=box, categories=["food"], sdgs=[15])
    InitiativeFactory(name="Foodsharing Greven", categories=["food"], **IN_GREVEN)
    InitiativeFactory(
        name="Naturgarten Greven", categories=["gardening-nature"], sdgs=[15], **IN_GREVEN
    )
    InitiativeFactory(name="Repair-Café Greven", categories=["repair"], **IN_GREVEN)
    InitiativeFactory(name="Foodsharing Münster", categories=["food"], **IN_MUENSTER)
    run(weekly=True)
    body = mail.outbox[0].body
    assert "Foodsharing Greven" in body and "Naturgarten Greven" in body
    assert "Repair-Café Greven" not in body  # neither the category nor the SDG
    assert "Foodsharing Münster" not in body  # outside the box


def test_immediate_mails_do_not_repeat_items(towns):
    subscription = confirmed(
        email="anna@example.org",
        municipality=towns["muenster"],
        frequency="immediate",
        now=days_ago(1),
    )
    InitiativeFactory(name="Erste Initiative", **IN_MUENSTER)
    run()
    run()
    assert len(mail.outbox) == 1
    assert "Erste Initiative" in mail.outbox[0].body
    InitiativeFactory(name="Zweite Initiative", **IN_MUENSTER)
    run()
    assert len(mail.outbox) == 2
    assert "Zweite Initiative" in mail.outbox[1].body
    assert "Erste Initiative" not in mail.outbox[1].body
    run(weekly=True)  # a weekly run does not touch immediate subscriptions
    assert len(mail.outbox) == 2
    subscription.refresh_from_db()
    assert subscription.last_digest_week == ""


def test_immediate_window_starts_at_confirmation(towns):
    InitiativeFactory(name="Schon vorher da", created_at=days_ago(0.5), **IN_MUENSTER)
    confirmed(email="anna@example.org", municipality=towns["muenster"], frequency="immediate")
    run()
    assert mail.outbox == []


def test_events_kind(towns):
    confirmed(
        email="anna@example.org", municipality=towns["muenster"], kinds=["initiatives", "events"]
    )
    EventFactory(title="Reparaturtreff Münster", city="Münster", **IN_MUENSTER)
    EventFactory(title="Treffen in Greven", city="Greven", **IN_GREVEN)
    EventFactory(
        title="Längst vorbei",
        start=days_ago(3),
        end=days_ago(3) + timedelta(hours=2),
        **IN_MUENSTER,
    )
    run(weekly=True)
    body = mail.outbox[0].body
    assert "Reparaturtreff Münster" in body
    assert "Treffen in Greven" not in body and "Längst vorbei" not in body
    assert "Veranstaltungen" in body


def test_mails_carry_list_unsubscribe_headers(towns, settings):
    settings.SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO = "abmelden@mitmachkarte.example"
    confirmed(email="anna@example.org", municipality=towns["muenster"])
    InitiativeFactory(**IN_MUENSTER)
    run(weekly=True)
    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path, _token = link_from(mail.outbox[0], "abmelden")
    value = headers["List-Unsubscribe"]
    assert value.startswith(f"<{settings.SITE_URL}{path}>")
    assert "<mailto:abmelden@mitmachkarte.example?subject=unsubscribe%20" in value
    message = mail.outbox[0].message()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_empty_or_double_area_is_refused(towns):
    with pytest.raises(ValidationError) as exc:
        services.subscribe(email="anna@example.org")
    assert "area" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.subscribe(
            email="anna@example.org", municipality=towns["muenster"], bbox=BBox(7, 51, 8, 52)
        )
    with pytest.raises(ValidationError) as exc:
        services.subscribe(email="anna@example.org", bbox=BBox(8, 51, 7, 52))
    assert "bbox" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.subscribe(email="anna@example.org", bbox=BBox(7, 51, 8, float("nan")))
    assert not Subscription.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"email": "kein-at"}, "email"),
        ({"kinds": []}, "kinds"),
        ({"kinds": ["gossip"]}, "kinds"),  # no such kind
        ({"frequency": "daily"}, "frequency"),
        ({"categories": ["gibt-es-nicht"]}, "categories"),
        ({"sdgs": [18]}, "sdgs"),
    ],
)
def test_bad_subscriptions_are_refused_whole(towns, kwargs, field):
    with pytest.raises(ValidationError) as exc:
        services.subscribe(
            **{"email": "anna@example.org", "municipality": towns["muenster"], **kwargs}
        )
    assert field in exc.value.message_dict
    assert not Subscription.objects.exists() and mail.outbox == []


def test_forged_and_wrong_purpose_tokens(towns):
    subscription = services.subscribe(email="anna@example.org", municipality=towns["muenster"])
    _path, token = link_from(mail.outbox[0], "bestaetigen")
    for bad in (token[:-2] + "xx", "", "abc", token + "x"):
        with pytest.raises(tokens.TokenError):
            services.confirm(token=bad)
    with pytest.raises(tokens.TokenError):
        services.unsubscribe(token=token)  # a confirm token cannot unsubscribe
    other = tokens.make_token(
        purpose=tokens.CONFIRM, email_key="0" * 64, subscription_id=subscription.pk
    )
    with pytest.raises(tokens.TokenError):
        services.confirm(token=other)  # signed, but for another address
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_expired_confirm_token(towns, monkeypatch):
    services.subscribe(email="anna@example.org", municipality=towns["muenster"])
    _path, token = link_from(mail.outbox[0], "bestaetigen")
    monkeypatch.setitem(tokens.MAX_AGES, tokens.CONFIRM, timedelta(seconds=-1))
    with pytest.raises(tokens.TokenError) as exc:
        services.confirm(token=token)
    assert exc.value.expired


def test_unsubscribe_deletes_and_is_idempotent(towns):
    subscription = confirmed(email="anna@example.org", municipality=towns["muenster"])
    token = tokens.make_token(
        purpose=tokens.UNSUBSCRIBE,
        email_key=subscription.email_key,
        subscription_id=subscription.pk,
    )
    assert services.unsubscribe(token=token) is True
    assert services.unsubscribe(token=token) is False
    assert not Subscription.objects.exists()


def test_purge_unconfirmed_after_seven_days(towns):
    old = services.subscribe(
        email="alt@example.org", municipality=towns["muenster"], now=days_ago(8)
    )
    fresh = services.subscribe(
        email="neu@example.org", municipality=towns["muenster"], now=days_ago(6)
    )
    kept = confirmed(
        email="bestaetigt@example.org", municipality=towns["muenster"], now=days_ago(7.5)
    )
    Subscription.objects.filter(pk=kept.pk).update(created_at=days_ago(30))
    assert services.purge_unconfirmed() == 1
    assert set(Subscription.objects.values_list("pk", flat=True)) == {fresh.pk, kept.pk}
    assert old.pk not in Subscription.objects.values_list("pk", flat=True)


def test_the_command_purges_too(towns):
    services.subscribe(email="alt@example.org", municipality=towns["muenster"], now=days_ago(8))
    run()
    assert not Subscription.objects.exists()


def test_update_subscription_all_or_nothing(towns):
    subscription = confirmed(email="anna@example.org", municipality=towns["muenster"])
    with pytest.raises(ValidationError):
        services.update_subscription(subscription=subscription, municipality=None, bbox=None)
    subscription.refresh_from_db()
    assert subscription.municipality == towns["muenster"]
    changed = services.update_subscription(
        subscription=subscription,
        bbox=BBox(7.5, 51.9, 7.7, 52.0),
        categories=["repair"],
        frequency="immediate",
    )
    assert changed.municipality is None and changed.bbox == BBox(7.5, 51.9, 7.7, 52.0)
    assert list(changed.categories.values_list("slug", flat=True)) == ["repair"]


def test_collector_registry_offers_only_collectable_kinds():
    assert [value for value, _label in collectors.available_kinds()] == [
        "initiatives",
        "events",
        "needs",
        "offers",
    ]
    with pytest.raises(ValueError):
        collectors.register("gossip")
