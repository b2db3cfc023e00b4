from datetime import datetime

import pytest

from mitmachkarte.events.recurrence import EVENT_TZ
from mitmachkarte.groups import services
from mitmachkarte.organisations.models import OrganisationType
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
)


@pytest.fixture
def town(reference_data):
    return MunicipalityFactory(
        name="Bochum",
        slug="bochum",
        ags="05911000",
        latitude=51.48,
        longitude=7.22,
        with_boundary=True,
    )


@pytest.fixture
def city_org(town):
    return OrganisationFactory(
        name="Stadt Bochum", type=OrganisationType.MUNICIPALITY, municipality=town
    )


@pytest.fixture
def manager(city_org):
    return MembershipFactory(organisation=city_org).user


@pytest.fixture
def initiative(town):
    return InitiativeFactory(
        name="Repair Café Bochum", latitude=51.48, longitude=7.22, sdgs=[12, 13]
    )


@pytest.fixture
def initiative_org(initiative):
    return OrganisationFactory(
        name=initiative.name, type=OrganisationType.INITIATIVE, initiative=initiative
    )


@pytest.fixture
def editor(initiative_org):
    return MembershipFactory(organisation=initiative_org).user


@pytest.fixture
def chair(db):
    return UserFactory()


@pytest.fixture
def outsider(db):
    return UserFactory()


@pytest.fixture
def member(db):
    return UserFactory()


def make_group(chair, *, town=None, visibility="public", members=()):
    group = services.create_group(
        name="Steuerungsgruppe Nachhaltigkeit",
        created_by=chair,
        municipality=town,
        region="" if town else "Ruhrgebiet",
        visibility=visibility,
        sdgs=[11, 13],
    )
    for user in members:
        services.add_member(group=group, user=user)
    return group


def schedule(group, chair, *, start=None, rule="FREQ=MONTHLY;BYDAY=2TU", now=None):
    start = start or datetime(2026, 1, 13, 17, 0, tzinfo=EVENT_TZ)  # 2nd Tuesday
    return services.schedule_meetings(
        group=group,
        by=chair,
        start=start,
        end=start.replace(hour=19),
        recurrence=rule,
        venue_name="Rathaus",
        city="Bochum",
        latitude=51.48,
        longitude=7.22,
        now=now or start,
    )
