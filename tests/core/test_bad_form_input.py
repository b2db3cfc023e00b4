"""Bad input never 500s: the numeric, date and id fields of forms (see test_bad_input.py for
query parameters). A form answers with a form error (4xx or the form again), never a 500."""

import contextlib
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from mitmachkarte.surveys.answering import RawAnswer, _parse
from mitmachkarte.surveys.models import Question, QuestionType
from mitmachkarte.taxonomy.models import Tag, TagSynonym
from tests.factories import (
    CampaignFactory,
    EventFactory,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
)

from .test_bad_input import CRITICAL, VALUES, assert_no_server_error, fuzz

pytestmark = pytest.mark.django_db


@pytest.fixture
def network_client(db):
    member = MembershipFactory(organisation=OrganisationFactory(type="network_team"))
    client = Client(raise_request_exception=False)
    client.force_login(member.user)
    return client


def post_each(client, url: str, base: dict, fields: list[str], values) -> None:
    for field in fields:
        for value in values:
            data = {**base, field: value}
            assert_no_server_error(client.post(url, data), url, data)


def test_tag_forms_with_odd_ids(network_client):
    tag = Tag.objects.create(name="Reparieren", slug="reparieren")
    TagSynonym.objects.create(tag=tag, name="Reparatur", slug="reparatur")
    url = "/moderation/schlagwoerter/"
    post_each(network_client, url, {"op": "remove_synonym"}, ["synonym"], [*CRITICAL, "abc"])
    merge = {"op": "merge", "merge-source": "reparieren", "merge-target": "reparieren"}
    post_each(network_client, url, merge, ["merge-source", "merge-target"], CRITICAL)
    synonym = {"op": "synonym", "synonym-tag": "reparieren", "synonym-name": "Flicken"}
    post_each(network_client, url, synonym, ["synonym-tag"], CRITICAL)


def test_duplicate_lookup_with_odd_numbers(reference_data):
    entry = InitiativeFactory(name="Repair Café Dubletten")
    base = {
        "name": "Repair Café",
        "latitude": str(entry.latitude),
        "longitude": str(entry.longitude),
        "exclude": str(entry.pk),
    }
    fields = ["latitude", "longitude", "exclude"]
    post_each(
        Client(raise_request_exception=False), "/mitmachen/dubletten/", base, fields, CRITICAL
    )


def test_event_forms_with_odd_dates_and_ids(reference_data):
    client = Client(raise_request_exception=False)
    event = EventFactory()
    registration = {"name": "Paula", "email": "paula@example.org", "occurrence": "1"}
    url = f"/veranstaltungen/{event.slug}/anmelden/"
    post_each(client, url, registration, ["occurrence"], CRITICAL)
    campaign = CampaignFactory()
    submission = {
        "title": "Müllsammeln",
        "description": "Wir sammeln.",
        "start": "2026-09-20T10:00",
        "end": "2026-09-20T12:00",
        "format": "online",
        "online_url": "https://example.org/treffen",
        "organiser_name": "Initiative",
        "organiser_email": "orga@example.org",
    }
    url = f"/veranstaltungen/aktionen/{campaign.slug}/"
    post_each(client, url, submission, ["start", "end"], [*CRITICAL, "0001-01-01 00:00"])


NUMBER_QUESTIONS = [
    Question(type=QuestionType.NUMBER),
    Question(type=QuestionType.NUMBER, min_value=Decimal(0), max_value=Decimal(10**6)),
    Question(type=QuestionType.SCALE),
]


def parse_survey_number(value: str) -> None:
    for question in NUMBER_QUESTIONS:
        with contextlib.suppress(ValidationError):  # a form error is a fine answer
            _parse(question, RawAnswer(value=value.strip()), {})


def test_survey_numbers_beyond_decimal_precision_are_form_errors():
    for value in [*CRITICAL, "1e100", "-1E+50", "9" * 40, "NaN", "sNaN", "Infinity", "1,5e30"]:
        parse_survey_number(value)


@fuzz
@given(value=st.one_of(VALUES, st.decimals().map(str)))
def test_survey_numbers_are_answers_or_form_errors(value):
    parse_survey_number(value)
