"""Needs and offers through the services: rules, expiry and renewal, permissions."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mitmachkarte.organisations.services import add_member, create_organisation
from mitmachkarte.support import selectors, services
from mitmachkarte.support.models import Need, NeedStatus, Offer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def room_need(org, **extra):
    fields = {
        "organisation": org,
        "user": org.member,
        "need_type": "room",
        "title": "Raum für monatliches Repair Café",
        "description": "Jeden 2. Samstag, 20 Personen.",
        "schedule": "monatlich",
    }
    return services.create_need(**{**fields, **extra})


def test_a_need_expires_after_three_months_by_default(repair_cafe, towns):
    need = room_need(repair_cafe, municipality=towns["bochum"])
    today = timezone.localdate()
    assert need.status == NeedStatus.OPEN
    assert today + timedelta(days=89) <= need.expires_on <= today + timedelta(days=92)
    assert need.is_active


def test_expired_needs_leave_lists_and_come_back_when_renewed(repair_cafe, towns):
    need = room_need(repair_cafe, municipality=towns["bochum"])
    Need.objects.filter(pk=need.pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    need.refresh_from_db()
    assert need.is_expired and not need.is_active
    assert need not in selectors.filter_needs()
    renewed = services.renew_need(need=need, user=repair_cafe.member)
    assert renewed.expires_on == services.default_expiry()
    assert renewed in selectors.filter_needs()


def test_renewal_never_shortens(repair_cafe, towns):
    later = timezone.localdate() + timedelta(days=200)
    need = room_need(repair_cafe, municipality=towns["bochum"], expires_on=later)
    assert services.renew_need(need=need, user=repair_cafe.member).expires_on == later


def test_renewal_counts_from_the_given_day(repair_cafe, towns):
    need = room_need(repair_cafe, municipality=towns["bochum"])
    renewed = services.renew_need(need=need, user=repair_cafe.member, today=date(2030, 11, 30))
    assert renewed.expires_on == date(2031, 2, 28)


def test_location_alone_is_enough_and_gives_the_municipality(repair_cafe, towns):
    towns["bochum"].boundary = {
        "type": "Polygon",
        "coordinates": [[[7.1, 51.4], [7.35, 51.4], [7.35, 51.55], [7.1, 51.55], [7.1, 51.4]]],
    }
    towns["bochum"].save()
    need = room_need(repair_cafe, latitude=51.48, longitude=7.22)
    assert need.municipality == towns["bochum"]


def test_a_need_without_municipality_or_location_is_refused(repair_cafe):
    with pytest.raises(ValidationError) as exc:
        room_need(repair_cafe)
    assert "municipality" in exc.value.message_dict
    assert not Need.objects.exists()


@pytest.mark.parametrize("lat, lon", [(91, 7), (51, None), (float("nan"), 7)])
def test_bad_locations_are_refused(repair_cafe, towns, lat, lon):
    with pytest.raises(ValidationError):
        room_need(repair_cafe, municipality=towns["bochum"], latitude=lat, longitude=lon)
    assert not Need.objects.exists()


def test_status_changes_and_unknown_status(repair_cafe, towns):
    need = room_need(repair_cafe, municipality=towns["bochum"])
    need = services.set_need_status(need=need, user=repair_cafe.member, status="solved")
    assert need.status == "solved"
    assert list(selectors.solved_needs_for_municipality(towns["bochum"])) == [need]
    assert selectors.solved_needs_by_sdg(towns["bochum"]) == [{"sdg": 12, "count": 1}]
    with pytest.raises(ValidationError):
        services.set_need_status(need=need, user=repair_cafe.member, status="lost")
    need.refresh_from_db()
    assert need.status == "solved"


def test_only_members_of_the_initiative_post_and_change_its_needs(repair_cafe, city, towns):
    with pytest.raises(PermissionDenied):
        room_need(repair_cafe, user=city.member, municipality=towns["bochum"])
    with pytest.raises(PermissionDenied):  # a municipality posts offers, not needs
        room_need(city, user=city.member, municipality=towns["bochum"])
    need = room_need(repair_cafe, municipality=towns["bochum"])
    stranger = UserFactory()
    for call in (
        lambda: services.set_need_status(need=need, user=stranger, status="withdrawn"),
        lambda: services.renew_need(need=need, user=city.member),
        lambda: services.update_need(need=need, user=stranger, title="Gekapert"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    need.refresh_from_db()
    assert (need.status, need.title) == ("open", "Raum für monatliches Repair Café")


def test_the_network_team_may_act_for_an_initiative(repair_cafe, towns):
    team = create_organisation(name="Netzwerkteam", type="network_team")
    helper = UserFactory()
    add_member(organisation=team, user=helper)
    need = room_need(repair_cafe, user=helper, municipality=towns["bochum"])
    assert need.created_by == helper


def room_offer(org, **extra):
    fields = {
        "organisation": org,
        "user": org.member,
        "offer_type": "room",
        "title": "Bürgerhaus Langendreer, Saal 2",
        "capacity": 40,
        "step_free": True,
    }
    return services.create_offer(**{**fields, **extra})


def test_an_offer_takes_the_municipality_of_its_organisation(city, towns):
    assert room_offer(city).municipality == towns["bochum"]


@pytest.mark.parametrize(
    "extra, field",
    [
        ({"capacity": 0}, "capacity"),
        ({"capacity": None}, "capacity"),
        ({"booking_contact": "Frau Muster, muster@bochum.example"}, "booking_contact"),
        (
            {
                "offer_type": "funding",
                "funder": "Stadt Bochum",
                "capacity": None,
                "deadline": date(2020, 1, 1),
            },
            "deadline",
        ),
        ({"offer_type": "funding", "funder": "", "capacity": None}, "funder"),
        (
            {
                "offer_type": "funding",
                "funder": "Stadt",
                "amount_min": 500,
                "amount_max": 100,
                "capacity": None,
            },
            "amount_max",
        ),
        ({"offer_type": "permit", "capacity": None}, "topic"),
    ],
)
def test_bad_offers_are_refused_with_the_field_named(city, extra, field):
    with pytest.raises(ValidationError) as exc:
        room_offer(city, **extra)
    assert field in exc.value.message_dict
    assert not Offer.objects.exists()


def test_someone_else_cannot_edit_an_offer(city, herne_city, repair_cafe):
    offer = room_offer(city)
    for user in (herne_city.member, repair_cafe.member, UserFactory()):
        with pytest.raises(PermissionDenied):
            services.update_offer(offer=offer, user=user, capacity=5)
    with pytest.raises(PermissionDenied):
        room_offer(city, user=herne_city.member)
    offer.refresh_from_db()
    assert offer.capacity == 40


def test_editing_an_offer_checks_the_rules_and_keeps_the_old_values(city):
    offer = room_offer(city)
    with pytest.raises(ValidationError):
        services.update_offer(offer=offer, user=city.member, capacity=0, title="Neu")
    offer.refresh_from_db()
    assert (offer.capacity, offer.title) == (40, "Bürgerhaus Langendreer, Saal 2")
    services.update_offer(offer=offer, user=city.member, capacity=60)
    offer.refresh_from_db()
    assert offer.capacity == 60


def test_an_old_programme_may_keep_its_passed_deadline_but_not_get_a_new_one(city):
    soon = timezone.localdate() + timedelta(days=10)
    offer = room_offer(city, offer_type="funding", funder="Stadt", capacity=None, deadline=soon)
    Offer.objects.filter(pk=offer.pk).update(deadline=date(2020, 1, 1))
    offer.refresh_from_db()
    services.update_offer(offer=offer, user=city.member, eligibility="Vereine")
    with pytest.raises(ValidationError):
        services.update_offer(offer=offer, user=city.member, deadline=date(2021, 1, 1))
