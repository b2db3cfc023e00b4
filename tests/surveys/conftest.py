"""Fixtures for surveys: a network-team user, the programme survey copied and opened, and
initiatives with organisations in two municipalities."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from mitmachkarte.organisations.models import Membership, OrganisationType
from mitmachkarte.surveys import answering, invitations, services
from mitmachkarte.surveys.selectors import ordered_questions
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _german():
    # A request in English leaves its language active in the thread: start each test German.
    with translation.override("de"):
        yield


@pytest.fixture
def network_user(db):
    membership = MembershipFactory(
        organisation=OrganisationFactory(type=OrganisationType.NETWORK_TEAM)
    )
    return membership.user


@pytest.fixture
def survey(db):
    """The programme's template, copied and open for a week (personal links and open link)."""
    template = services.install_template()
    copy = services.copy_survey(survey=template, title_de="Befragung 2026")
    now = timezone.now()
    return services.update_survey(
        survey=copy,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=7),
        open_link=True,
    )


@pytest.fixture
def q(survey):
    """The survey's questions by key."""
    return {question.key: question for question in ordered_questions(survey)}


def make_town(ags: str, name: str, longitude: float):
    return MunicipalityFactory(
        ags=ags,
        name=name,
        slug=name.lower(),
        with_boundary=True,
        latitude=51.5,
        longitude=longitude,
    )


@pytest.fixture
def towns(reference_data):
    return [make_town("05911000", "Bochum", 7.2), make_town("05315000", "Koeln", 6.9)]


def initiative_in(town, *, category="repair"):
    return InitiativeFactory(
        latitude=town.latitude, longitude=town.longitude, categories=[category]
    )


def invited(survey, town, *, category="repair"):
    """A published initiative in `town` with its organisation and an invitation."""
    initiative = initiative_in(town, category=category)
    organisation = invitations.organisation_for(initiative)
    return survey.invitations.create(organisation=organisation)


def answer(survey, values: dict, *, invitation=None, submit=True):
    """Answer through the services: values {key: RawAnswer-like kwargs} for every section."""
    response = answering.start_response(survey=survey, invitation=invitation)
    questions = ordered_questions(survey)
    for section in survey.sections.all():
        raw = {
            question.pk: answering.RawAnswer(**values.get(question.key, {}))
            for question in questions
            if question.section_id == section.pk
        }
        errors = answering.save_section(response=response, section=section, raw=raw)
        assert not errors, errors
    if submit:
        answering.submit(response=response, invitation=invitation)
    response.refresh_from_db()
    return response


MINIMAL = {"has_contact": {"keys": ["no"]}, "regional_talk": {"keys": ["yes"]}}


@pytest.fixture
def municipal_user(towns):
    """A member of Bochum's municipality organisation."""
    user = UserFactory()
    organisation = OrganisationFactory(type=OrganisationType.MUNICIPALITY, municipality=towns[0])
    Membership.objects.create(user=user, organisation=organisation)
    return user
