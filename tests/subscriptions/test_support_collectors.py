"""Needs and offers of the support exchange in subscription mails (issue 10)."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from mitmachkarte.core.geo import BBox
from mitmachkarte.organisations.services import create_organisation
from mitmachkarte.subscriptions import collectors
from tests.factories import InitiativeFactory, NeedFactory, OfferFactory, OrganisationFactory

from .conftest import confirmed, days_ago

pytestmark = pytest.mark.django_db

IN_MUENSTER = {"latitude": 51.961, "longitude": 7.631}
IN_GREVEN = {"latitude": 52.091, "longitude": 7.611}


def initiative_org(name: str, where: dict, *, categories=("repair",), sdgs=()):
    initiative = InitiativeFactory(name=name, categories=list(categories), sdgs=list(sdgs), **where)
    return create_organisation(name=name, type="initiative", initiative=initiative)


def weekly_body() -> str:
    call_command("send_subscription_mails", "--weekly", stdout=StringIO())
    assert len(mail.outbox) == 1
    return mail.outbox[0].body


def test_digest_lists_new_needs_and_offers_of_the_area_only(towns):
    confirmed(email="anna@example.org", municipality=towns["muenster"], kinds=["needs", "offers"])
    muenster_org = initiative_org("Repair-Café Münster", IN_MUENSTER)
    greven_org = initiative_org("Repair-Café Greven", IN_GREVEN)
    need = NeedFactory(
        organisation=muenster_org, title="Raum für das Repair-Café", municipality=towns["muenster"]
    )
    NeedFactory(
        organisation=greven_org, title="Raum in Greven gesucht", municipality=towns["greven"]
    )
    NeedFactory(
        organisation=muenster_org,
        title="Alter Bedarf",
        created_at=days_ago(8),
        municipality=towns["muenster"],
    )
    NeedFactory(
        organisation=muenster_org,
        title="Schon gelöst",
        status="solved",
        municipality=towns["muenster"],
    )
    offer = OfferFactory(title="Bürgersaal Münster", municipality=towns["muenster"])
    OfferFactory(title="Pfarrsaal Greven", municipality=towns["greven"])
    OfferFactory(title="Abgelaufener Raum", municipality=towns["muenster"], is_active=False)
    OfferFactory(
        title="Landesprogramm",
        offer_type="funding",
        capacity=None,
        funder="Land NRW",
        municipality=None,
    )

    body = weekly_body()
    assert "Raum für das Repair-Café" in body and f"/unterstuetzung/bedarfe/{need.pk}/" in body
    assert "Bürgersaal Münster" in body and f"/unterstuetzung/angebote/{offer.pk}/" in body
    assert "Landesprogramm" in body  # state-wide programmes are everybody's
    assert "Neue Gesuche" in body and "Neue Angebote" in body
    for absent in (
        "Raum in Greven gesucht",
        "Alter Bedarf",
        "Schon gelöst",
        "Pfarrsaal Greven",
        "Abgelaufener Raum",
    ):
        assert absent not in body


def test_box_area_uses_the_need_point_or_its_municipality(towns):
    box = BBox(west=7.60, south=52.08, east=7.62, north=52.10)  # around Greven's centre
    subscription = confirmed(email="ben@example.org", bbox=box, kinds=["needs", "offers"])
    org = initiative_org("Garten Greven", IN_GREVEN)
    NeedFactory(organisation=org, title="Mit Ort", municipality=None, **IN_GREVEN)
    NeedFactory(organisation=org, title="Mit Kommune", municipality=towns["greven"])
    NeedFactory(organisation=org, title="In Münster", municipality=towns["muenster"])
    OfferFactory(title="Saal mit Ort", municipality=None, **IN_GREVEN)
    OfferFactory(title="Saal in Münster", municipality=towns["muenster"])

    found = collectors.collect(subscription, since=days_ago(1), until=days_ago(0))
    assert sorted(i.title for i in found["needs"]) == ["Mit Kommune", "Mit Ort"]
    assert [i.title for i in found["offers"]] == ["Saal mit Ort"]


def test_topics_filter_needs_by_their_initiative_but_not_offers(towns):
    subscription = confirmed(
        email="cem@example.org",
        municipality=towns["muenster"],
        kinds=["needs", "offers"],
        categories=["food"],
        sdgs=[15],
    )
    food = initiative_org("Foodsharing Münster", IN_MUENSTER, categories=["food"])
    nature = initiative_org(
        "Naturgarten Münster", IN_MUENSTER, categories=["gardening-nature"], sdgs=[15]
    )
    repair = initiative_org("Repair-Café Münster", IN_MUENSTER)
    for org in (food, nature, repair):
        NeedFactory(organisation=org, title=f"Bedarf {org.name}", municipality=towns["muenster"])
    OfferFactory(title="Bürgersaal", municipality=towns["muenster"])

    found = collectors.collect(subscription, since=days_ago(1), until=days_ago(0))
    assert sorted(i.title for i in found["needs"]) == [
        "Bedarf Foodsharing Münster",
        "Bedarf Naturgarten Münster",
    ]
    assert [i.title for i in found["offers"]] == ["Bürgersaal"]


def test_advice_centre_offers_reach_the_municipalities_it_serves(towns):
    subscription = confirmed(
        email="dora@example.org", municipality=towns["greven"], kinds=["offers"]
    )
    centre = OrganisationFactory(type="advice_centre")
    centre.served_municipalities.add(towns["greven"])
    OfferFactory(
        organisation=centre,
        title="Beratung",
        offer_type="advice",
        capacity=None,
        municipality=towns["muenster"],
    )
    found = collectors.collect(subscription, since=days_ago(1), until=days_ago(0))
    assert [i.title for i in found["offers"]] == ["Beratung"]
