"""Matching: the offers for a need and the needs for an offer, ranked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mitmachkarte.support import selectors
from mitmachkarte.support.models import NeedStatus
from tests.factories import NeedFactory, OfferFactory

pytestmark = pytest.mark.django_db


def titles(matches):
    return [m.item.title for m in matches]


def test_same_municipality_first_then_distance_then_freshness(towns):
    now = timezone.now()
    need = NeedFactory(municipality=towns["bochum"])
    OfferFactory(title="Herne", municipality=towns["herne"], updated_at=now)
    OfferFactory(title="Witten", municipality=towns["witten"], updated_at=now)
    OfferFactory(
        title="Bochum alt", municipality=towns["bochum"], updated_at=now - timedelta(days=30)
    )
    OfferFactory(title="Bochum neu", municipality=towns["bochum"], updated_at=now)
    OfferFactory(title="Münster", municipality=towns["muenster"])  # beyond 25 km
    # Herne's point is ~6.4 km from Bochum's, Witten's ~10.8 km.
    assert titles(selectors.matching_offers(need)) == [
        "Bochum neu",
        "Bochum alt",
        "Herne",
        "Witten",
    ]


def test_a_nearer_offer_wins_over_a_fresher_one_in_another_town(towns):
    now = timezone.now()
    need = NeedFactory(municipality=towns["bochum"])
    OfferFactory(title="Witten frisch", municipality=towns["witten"], updated_at=now)
    OfferFactory(
        title="Herne alt", municipality=towns["herne"], updated_at=now - timedelta(days=300)
    )
    assert titles(selectors.matching_offers(need)) == ["Herne alt", "Witten frisch"]


def test_only_fitting_types_active_offers_and_open_funding(towns):
    bochum = towns["bochum"]
    need = NeedFactory(municipality=bochum, need_type="funding")
    yesterday = timezone.localdate() - timedelta(days=1)
    OfferFactory(title="Raum", municipality=bochum)
    OfferFactory(title="Programm", municipality=bochum, offer_type="funding", funder="Stadt")
    OfferFactory(
        title="Vorbei",
        municipality=bochum,
        offer_type="funding",
        funder="Stadt",
        deadline=yesterday,
    )
    OfferFactory(
        title="Inaktiv", municipality=bochum, offer_type="funding", funder="Stadt", is_active=False
    )
    OfferFactory(title="Land NRW", municipality=None, offer_type="funding", funder="Land")
    assert titles(selectors.matching_offers(need)) == ["Programm", "Land NRW"]


def test_radius_is_configurable(towns, settings):
    need = NeedFactory(municipality=towns["bochum"])
    OfferFactory(title="Witten", municipality=towns["witten"])
    settings.SUPPORT_NEIGHBOUR_RADIUS_KM = 5
    assert titles(selectors.matching_offers(need)) == []
    settings.SUPPORT_NEIGHBOUR_RADIUS_KM = 15
    assert titles(selectors.matching_offers(need)) == ["Witten"]


def test_a_need_with_its_own_location_measures_from_there(towns):
    # A point in the north of Bochum, nearer to Herne than to Witten.
    need = NeedFactory(municipality=towns["bochum"], latitude=51.52, longitude=7.22)
    OfferFactory(title="Witten", municipality=towns["witten"])
    OfferFactory(title="Herne", municipality=towns["herne"])
    matches = selectors.matching_offers(need)
    assert titles(matches) == ["Herne", "Witten"]
    assert matches[0].distance_km == pytest.approx(2.1, abs=0.3)


def test_offer_sees_open_needs_it_could_meet(towns):
    offer = OfferFactory(municipality=towns["bochum"])
    NeedFactory(title="Herne", municipality=towns["herne"])
    NeedFactory(title="Bochum", municipality=towns["bochum"])
    NeedFactory(title="Gelöst", municipality=towns["bochum"], status=NeedStatus.SOLVED)
    NeedFactory(
        title="Abgelaufen",
        municipality=towns["bochum"],
        expires_on=timezone.localdate() - timedelta(days=1),
    )
    NeedFactory(title="Geld", municipality=towns["bochum"], need_type="funding")
    NeedFactory(title="Münster", municipality=towns["muenster"])
    assert titles(selectors.matching_needs(offer)) == ["Bochum", "Herne"]


def test_advice_meets_the_needs_without_a_special_offer_type(towns):
    offer = OfferFactory(municipality=towns["bochum"], offer_type="advice", capacity=None)
    NeedFactory(title="Helfer", municipality=towns["bochum"], need_type="volunteers")
    NeedFactory(title="Genehmigung", municipality=towns["bochum"], need_type="permit")
    NeedFactory(title="Raum", municipality=towns["bochum"])
    assert sorted(titles(selectors.matching_needs(offer))) == ["Genehmigung", "Helfer"]


def test_advice_centres_help_in_every_municipality_they_serve(towns):
    from mitmachkarte.organisations.services import create_organisation

    centre = create_organisation(
        name="Verbraucherzentrale",
        type="advice_centre",
        served_municipalities=[towns["bochum"], towns["muenster"]],
    )
    offer = OfferFactory(
        title="Beratung",
        organisation=centre,
        municipality=towns["bochum"],
        offer_type="advice",
        capacity=None,
    )
    need = NeedFactory(title="Münster", municipality=towns["muenster"], need_type="expertise")
    assert titles(selectors.matching_offers(need)) == ["Beratung"]
    assert titles(selectors.matching_needs(offer)) == ["Münster"]
