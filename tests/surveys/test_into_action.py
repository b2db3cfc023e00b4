"""Into action: support wishes of a response become needs of the support exchange (issue 9)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mitmachkarte.organisations.models import Membership
from mitmachkarte.support.models import Need
from mitmachkarte.surveys import into_action, services, tokens
from mitmachkarte.surveys.models import ResponseNeed
from tests.factories import OrganisationFactory, UserFactory

from .conftest import MINIMAL, answer, invited

pytestmark = pytest.mark.django_db

WISHES = {**MINIMAL, "support_wanted": {"keys": ["room", "funding", "cooperation"]}}


@pytest.fixture
def invitation(survey, towns):
    return invited(survey, towns[0])


@pytest.fixture
def member(invitation):
    user = UserFactory()
    Membership.objects.create(user=user, organisation=invitation.organisation)
    return user


@pytest.fixture
def response(survey, invitation):
    return answer(survey, WISHES, invitation=invitation)


def thanks_url(survey, invitation) -> str:
    return f"/befragungen/{survey.slug}/danke/?t={tokens.make_token(invitation)}"


def post_url(response) -> str:
    return f"/befragungen/{response.survey.slug}/antworten/{response.pk}/bedarf/"


def test_thanks_page_offers_one_button_per_wish_with_a_need_type(
    client, survey, invitation, response, member
):
    client.force_login(member)
    page = client.get(thanks_url(survey, invitation)).content.decode()
    assert "Raum gesucht" in page and "Förderung gesucht" in page
    assert page.count('name="wish"') == 2  # room and funding; cooperation has no need type
    assert 'value="cooperation"' not in page
    assert "/arbeitsgruppen/" in page  # where cooperation goes instead


def test_one_click_creates_an_open_need_prefilled_and_redirects_to_it(
    client, survey, towns, response, member
):
    client.force_login(member)
    result = client.post(post_url(response), {"wish": "room"})
    need = Need.objects.get()
    assert result.status_code == 302 and result["Location"] == f"/unterstuetzung/bedarfe/{need.pk}/"
    assert need.organisation == response.organisation
    assert (need.need_type, need.status, need.title) == ("room", "open", "Raum gesucht")
    assert need.municipality == towns[0]  # the initiative's municipality
    assert "Befragung 2026" in need.description
    assert need.created_by == member
    page = client.get(result["Location"]).content.decode()
    assert "Raum gesucht" in page and "Bearbeiten" in page


def test_a_second_click_creates_no_second_need(client, survey, invitation, response, member):
    client.force_login(member)
    first = client.post(post_url(response), {"wish": "room"})
    second = client.post(post_url(response), {"wish": "room"})
    assert first["Location"] == second["Location"]
    assert Need.objects.count() == 1 and ResponseNeed.objects.count() == 1
    page = client.get(thanks_url(survey, invitation)).content.decode()
    assert "bereits erstellt" in page and first["Location"] in page
    assert page.count('name="wish"') == 1  # funding is still to be posted
    need, created = into_action.need_from_wish(response=response, user=member, wish="room")
    assert not created and need.get_absolute_url() == first["Location"]


def test_a_member_of_another_organisation_gets_403_and_nothing_changes(
    client, survey, invitation, response
):
    other = UserFactory()
    Membership.objects.create(user=other, organisation=OrganisationFactory(type="initiative"))
    client.force_login(other)
    result = client.post(post_url(response), {"wish": "room"})
    assert result.status_code == 403
    assert "Nur Mitglieder von" in result.content.decode()
    assert not Need.objects.exists()
    page = client.get(thanks_url(survey, invitation)).content.decode()
    assert 'name="wish"' not in page and "Nur Mitglieder von" in page
    with pytest.raises(PermissionDenied):
        into_action.need_from_wish(response=response, user=other, wish="room")


def test_logged_out_visitors_are_asked_to_log_in(client, survey, invitation, response):
    page = client.get(thanks_url(survey, invitation)).content.decode()
    assert 'name="wish"' not in page
    assert "/konto/login/?next=%2Fbefragungen%2F" in page and "Melde dich als Mitglied" in page
    result = client.post(post_url(response), {"wish": "room"})
    assert result.status_code == 302 and result["Location"].startswith("/konto/login/")
    assert not Need.objects.exists()


@pytest.mark.parametrize("wish", ["publicity", "cooperation", "gossip", ""])
def test_wishes_not_given_or_without_type_are_refused(client, response, member, wish):
    client.force_login(member)
    result = client.post(post_url(response), {"wish": wish})
    assert result.status_code == 400
    assert not Need.objects.exists()


def test_open_link_responses_explain_instead_of_a_button(client, survey, member):
    response = answer(survey, WISHES)  # open link: no organisation
    assert response.organisation is None
    with pytest.raises(ValidationError):
        into_action.need_from_wish(response=response, user=member, wish="room")
    state = into_action.into_action(response, member)
    assert state.state == "no_organisation"
    assert [a.wish for a in state.actions] == ["room", "funding"]
    client.force_login(member)
    assert client.post(post_url(response), {"wish": "room"}).status_code == 400
    assert not Need.objects.exists()


def test_anonymous_responses_explain_instead_of_a_button(client, towns, member):
    template = services.install_template()
    survey = services.copy_survey(survey=template, title_de="Anonym")
    survey = services.update_survey(
        survey=survey,
        anonymous=True,
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=7),
    )
    invitation = invited(survey, towns[0])
    Membership.objects.create(user=member, organisation=invitation.organisation)
    response = answer(survey, WISHES, invitation=invitation)
    assert response.organisation is None
    client.force_login(member)
    session = client.session  # an anonymous answer is found through the browser's session
    session[f"surveys:response:{survey.pk}"] = response.secret
    session.save()
    page = client.get(f"/befragungen/{survey.slug}/danke/").content.decode()
    assert "Danke" in page
    assert 'name="wish"' not in page and "gehört zu keiner Organisation" in page
    assert client.post(post_url(response), {"wish": "room"}).status_code == 400
    assert not Need.objects.exists()


def test_no_wishes_no_section(client, survey, invitation, member):
    answer(survey, MINIMAL, invitation=invitation)
    client.force_login(member)
    page = client.get(thanks_url(survey, invitation)).content.decode()
    assert "into-action" not in page
