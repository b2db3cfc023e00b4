"""Cooperation records: entered by one side, confirmed by a member of the other."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mitmachkarte.groups import cooperations
from mitmachkarte.groups.models import Cooperation, CooperationStatus
from mitmachkarte.organisations.models import OrganisationType
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def record(editor, initiative_org, city_org, **extra):
    return cooperations.record_cooperation(
        user=editor,
        organisation=initiative_org,
        counterpart=city_org,
        type="room",
        since=date(2025, 3, 1),
        description="Raum im Bürgerhaus",
        **extra,
    )


def test_entered_by_the_initiative_confirmed_by_the_municipality(
    editor, manager, initiative_org, city_org, town
):
    cooperation = record(editor, initiative_org, city_org)
    assert cooperation.status == CooperationStatus.PENDING
    assert cooperation.partner == city_org and cooperation.municipality == town
    assert cooperation.other_side == city_org
    cooperations.confirm_cooperation(cooperation=cooperation, user=manager)
    cooperation.refresh_from_db()
    assert cooperation.status == CooperationStatus.CONFIRMED
    assert cooperation.confirmed_by == manager


def test_confirmation_by_someone_outside_the_other_organisation_is_refused(
    editor, initiative_org, city_org, outsider
):
    cooperation = record(editor, initiative_org, city_org)
    other_city = OrganisationFactory(type=OrganisationType.MUNICIPALITY)
    stranger = MembershipFactory(organisation=other_city).user
    for user in (outsider, stranger, editor):  # the entering side cannot confirm itself
        with pytest.raises(PermissionDenied) as exc:
            cooperations.confirm_cooperation(cooperation=cooperation, user=user)
        assert city_org.name in str(exc.value)
    cooperation.refresh_from_db()
    assert cooperation.status == CooperationStatus.PENDING and cooperation.confirmed_by is None


def test_an_advice_centre_entering_is_confirmed_by_the_initiative(editor, initiative_org, town):
    advice = OrganisationFactory(type=OrganisationType.ADVICE_CENTRE)
    advice.served_municipalities.add(town)
    adviser = MembershipFactory(organisation=advice).user
    cooperation = cooperations.record_cooperation(
        user=adviser,
        organisation=advice,
        counterpart=initiative_org,
        type="publicity",
        since=date(2026, 1, 1),
    )
    assert cooperation.municipality == town  # the initiative's municipality
    with pytest.raises(PermissionDenied):
        cooperations.confirm_cooperation(cooperation=cooperation, user=adviser)
    cooperations.confirm_cooperation(cooperation=cooperation, user=editor)
    assert Cooperation.objects.get().status == CooperationStatus.CONFIRMED


@pytest.mark.parametrize(
    "change",
    [
        {"type": "bribery"},
        {"until": date(2024, 1, 1)},
    ],
)
def test_bad_data_is_refused(editor, initiative_org, city_org, change):
    with pytest.raises(ValidationError):
        cooperations.record_cooperation(
            user=editor,
            organisation=initiative_org,
            counterpart=city_org,
            since=date(2025, 3, 1),
            **{"type": "room", **change},
        )
    assert not Cooperation.objects.exists()


def test_two_initiatives_are_no_cooperation_record(editor, initiative_org):
    other = OrganisationFactory(type=OrganisationType.INITIATIVE)
    with pytest.raises(ValidationError):
        cooperations.record_cooperation(
            user=editor,
            organisation=initiative_org,
            counterpart=other,
            type="other",
            since=date(2025, 1, 1),
        )


def test_only_members_enter_for_their_organisation(outsider, initiative_org, city_org):
    with pytest.raises(PermissionDenied):
        record(outsider, initiative_org, city_org)
    assert not Cooperation.objects.exists()


def test_cooperations_page_records_and_confirms(client, editor, manager, initiative_org, city_org):
    client.force_login(editor)
    response = client.post(
        "/kooperationen/",
        {
            "organisation": initiative_org.pk,
            "counterpart": city_org.pk,
            "type": "funding",
            "since": "2025-05-01",
            "description": "Förderung",
        },
    )
    assert response.status_code == 302
    cooperation = Cooperation.objects.get()
    assert client.post(f"/kooperationen/{cooperation.pk}/bestaetigen/").status_code == 403
    client.force_login(manager)
    page = client.get("/kooperationen/").content.decode()
    assert f"/kooperationen/{cooperation.pk}/bestaetigen/" in page
    client.post(f"/kooperationen/{cooperation.pk}/bestaetigen/")
    cooperation.refresh_from_db()
    assert cooperation.status == CooperationStatus.CONFIRMED
