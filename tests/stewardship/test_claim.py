"""Claiming an entry through the link mailed to its contact e-mail."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from mitmachkarte.organisations.models import Membership, Organisation
from mitmachkarte.organisations.rules import can_edit_initiative
from mitmachkarte.stewardship import claims, tokens
from tests.factories import InitiativeFactory, UserFactory

pytestmark = pytest.mark.django_db


def mailed_token(mail) -> str:
    return re.search(r"/konto/uebernehmen/([^/\s]+)/", mail.body).group(1)


@pytest.fixture
def requested(world, mailoutbox, django_capture_on_commit_callbacks):
    user = world["users"]["plain"]
    with django_capture_on_commit_callbacks(execute=True):
        claims.request_claim(initiative=world["b"], user=user)
    assert len(mailoutbox) == 1
    return user, mailed_token(mailoutbox[0])


def test_link_goes_to_the_contact_address_only(world, requested, mailoutbox):
    user, _token = requested
    mail = mailoutbox[0]
    assert mail.to == ["repair-b@initiative.example"]
    assert user.email in mail.body  # the initiative learns who asks


def test_claim_creates_the_organisation_and_makes_an_owner(world, requested):
    user, token = requested
    assert not Organisation.objects.filter(initiative=world["b"]).exists()
    organisation = claims.claim_initiative(token=token, user=user)
    assert organisation.initiative == world["b"] and organisation.type == "initiative"
    assert Membership.objects.get(user=user, organisation=organisation).role == "owner"
    assert can_edit_initiative(user, world["b"])


def test_claim_joins_an_existing_organisation(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    editor_org = Organisation.objects.get(memberships__user=world["users"]["editor_a"])
    user = world["users"]["plain"]
    with django_capture_on_commit_callbacks(execute=True):
        claims.request_claim(initiative=editor_org.initiative, user=user)
    organisation = claims.claim_initiative(token=mailed_token(mailoutbox[-1]), user=user)
    assert organisation == editor_org
    assert Organisation.objects.filter(initiative=editor_org.initiative).count() == 1


def test_used_link_fails_the_second_time(world, requested):
    user, token = requested
    claims.claim_initiative(token=token, user=user)
    with pytest.raises(ValidationError, match="bereits verwendet"):
        claims.claim_initiative(token=token, user=user)


def test_tampered_and_forged_links_change_nothing(world, requested):
    user, token = requested
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    forged = signing.dumps({"c": 1, "u": user.pk, "e": "x"}, salt="some.other.salt")
    other_purpose = tokens.make_token(purpose=tokens.CONFIRM, c=1, u=user.pk, e="x")
    for bad in (tampered, forged, other_purpose, "", "nonsense"):
        with pytest.raises(ValidationError, match="ungültig"):
            claims.claim_initiative(token=bad, user=user)
    assert not Membership.objects.filter(user=user).exists()


def test_expired_link_changes_nothing(world, requested, monkeypatch):
    user, token = requested
    monkeypatch.setitem(tokens.MAX_AGES, tokens.CLAIM, timedelta(seconds=-1))
    with pytest.raises(ValidationError, match="abgelaufen"):
        claims.claim_initiative(token=token, user=user)
    assert not Membership.objects.filter(user=user).exists()


def test_link_of_another_account_or_changed_address(world, requested):
    user, token = requested
    with pytest.raises(PermissionDenied):
        claims.claim_initiative(token=token, user=UserFactory())
    world["b"].contact_email = "neu@initiative.example"
    world["b"].save()
    with pytest.raises(ValidationError, match="geändert"):
        claims.claim_initiative(token=token, user=user)
    assert not Membership.objects.filter(user=user).exists()


def test_entry_without_contact_email_points_to_the_report_route(world, client):
    entry = InitiativeFactory(name="Ohne Mail", latitude=51.0, longitude=7.0, contact_email="")
    user = world["users"]["plain"]
    with pytest.raises(ValidationError):
        claims.request_claim(initiative=entry, user=user)
    client.force_login(user)
    page = client.get(reverse("stewardship:claim", args=[entry.slug])).content.decode()
    assert "Problem melden" in page


def test_claim_pages_need_login_and_a_post(world, requested, client):
    user, token = requested
    url = reverse("stewardship:claim_confirm", args=[token])
    response = client.get(url)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    client.force_login(user)
    assert client.get(url).status_code == 200  # a scanner's GET changes nothing
    assert not can_edit_initiative(user, world["b"])
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("stewardship:edit", args=[world["b"].slug])
    assert can_edit_initiative(user, world["b"])
    assert client.post(url).status_code == 400  # used


def test_claim_request_page_sends_and_never_shows_the_address(
    world, client, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(world["users"]["plain"])
    url = reverse("stewardship:claim", args=[world["a"].slug])
    assert "garten-a@" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 200
    assert "garten-a@" not in response.content.decode()
    assert [m.to for m in mailoutbox] == [["garten-a@initiative.example"]]
