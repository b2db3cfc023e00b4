"""A need solved through an offer of a municipality or advice centre suggests the matching
cooperation record (issue 8, with the support exchange)."""

import html as html_lib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from mitmachkarte.groups.models import Cooperation
from mitmachkarte.groups.selectors import cooperation_suggestions_for_need
from mitmachkarte.organisations.models import OrganisationType
from mitmachkarte.support import services as support
from tests.factories import MembershipFactory, NeedFactory, OfferFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(initiative_org, town):
    return NeedFactory(
        organisation=initiative_org, municipality=town, title="Raum für unser Repair Café"
    )


def talk_and_solve(need, offer, editor):
    support.get_in_touch(need=need, offer=offer, user=editor, body="Dürfen wir kommen?")
    return support.set_need_status(need=need, user=editor, status="solved")


def test_solved_need_suggests_a_room_cooperation_with_the_city(need, city_org, editor):
    room = OfferFactory(organisation=city_org, title="Bürgersaal", offer_type="room")
    assert cooperation_suggestions_for_need(need) == []  # open: nothing yet
    need = talk_and_solve(need, room, editor)

    [suggestion] = cooperation_suggestions_for_need(need)
    assert suggestion.partner == city_org
    assert suggestion.type == "room"
    assert suggestion.since == timezone.localdate()
    assert suggestion.existing is None
    query = parse_qs(urlsplit(suggestion.form_url).query)
    assert urlsplit(suggestion.form_url).path == "/kooperationen/"
    assert query["organisation"] == [str(need.organisation_id)]
    assert query["counterpart"] == [str(city_org.pk)]
    assert query["type"] == ["room"]
    assert "Bürgersaal" in query["description"][0]


@pytest.mark.parametrize(
    "offer_type, extra, expected",
    [
        ("funding", {"funder": "Stadt", "capacity": None}, "funding"),
        ("permit", {"topic": "street_festival", "capacity": None}, "permit"),
        ("advice", {"capacity": None}, "other"),
        ("other", {"capacity": None}, "other"),
    ],
)
def test_type_follows_the_offer(need, editor, town, offer_type, extra, expected):
    centre = OrganisationFactory(type=OrganisationType.ADVICE_CENTRE, name="Verbraucherzentrale")
    centre.served_municipalities.add(town)
    offer = OfferFactory(organisation=centre, offer_type=offer_type, municipality=town, **extra)
    need = talk_and_solve(need, offer, editor)
    assert [s.type for s in cooperation_suggestions_for_need(need)] == [expected]


def test_offers_of_other_initiatives_suggest_nothing(need, editor, town):
    workshop = OfferFactory(
        organisation=OrganisationFactory(type=OrganisationType.INITIATIVE), municipality=town
    )
    need = talk_and_solve(need, workshop, editor)
    assert cooperation_suggestions_for_need(need) == []


def test_page_link_prefilled_form_and_already_recorded(
    client, need, city_org, editor, manager, outsider
):
    room = OfferFactory(organisation=city_org, title="Bürgersaal", offer_type="room")
    need = talk_and_solve(need, room, editor)
    url = f"/unterstuetzung/bedarfe/{need.pk}/"

    client.force_login(editor)
    page = client.get(url).content.decode()
    assert "Diese Kooperation eintragen" in page
    link = html_lib.unescape(page.split('class="button" href="')[1].split('"')[0])
    assert link.startswith("/kooperationen/?")

    form = client.get(link).content.decode()
    assert f'name="counterpart" value="{city_org.pk}" checked' in form  # the partner picker
    assert '<option value="room" selected>' in form
    assert f'value="{timezone.localdate().isoformat()}"' in form
    assert Cooperation.objects.count() == 0  # following the link records nothing

    response = client.post(
        "/kooperationen/",
        {
            "organisation": need.organisation_id,
            "counterpart": city_org.pk,
            "type": "room",
            "since": timezone.localdate().isoformat(),
            "description": "Raum im Bürgersaal",
        },
    )
    assert response.status_code == 302
    cooperation = Cooperation.objects.get()
    assert (cooperation.partner, cooperation.type, cooperation.status) == (
        city_org,
        "room",
        "pending",
    )
    page = client.get(url).content.decode()
    assert "bereits eingetragen" in page and 'class="button" href="/kooperationen/?' not in page

    # The city's member sees no suggestion (a solved need is gone for others), nor does
    # a member of some other organisation.
    client.force_login(manager)
    assert "Diese Kooperation eintragen" not in client.get(url).content.decode()
    MembershipFactory(user=outsider, organisation=OrganisationFactory(type="initiative"))
    client.force_login(outsider)
    assert "Diese Kooperation eintragen" not in client.get(url).content.decode()


def test_bad_prefill_values_just_leave_the_form_empty(client, editor):
    client.force_login(editor)
    response = client.get("/kooperationen/?type=gibtsnicht&counterpart=abc&since=gestern")
    assert response.status_code == 200
    assert (
        " selected>" not in response.content.decode().split('name="type"')[1].split("</select>")[0]
    )
