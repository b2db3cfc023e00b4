"""The signed revise link: expiry, tampering, single use, resubmission."""

import pytest
from django.core import signing
from django.urls import reverse

from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.moderation import services, tokens
from mitmachkarte.moderation.models import Action, Decision, Proposal
from mitmachkarte.stewardship import edits
from tests.page_forms import form_in, version_in

from .conftest import A

pytestmark = pytest.mark.django_db


@pytest.fixture
def returned(world, pending_a, mailoutbox):
    services.request_changes(
        initiative=pending_a,
        moderator=world["users"]["municipal_a"],
        reason="Bitte Treffzeiten ergänzen.",
    )
    proposal = Proposal.objects.get(initiative=pending_a)
    token = tokens.make_revise_token(
        proposal_id=proposal.pk, revision=proposal.revision, email=proposal.proposer_email
    )
    return proposal, token


def revision_data(**overrides):
    data = {
        "name": "Repair Café Neustadt",
        "short_description": "Wir reparieren zusammen.",
        "categories": ["repair"],
        "latitude": str(A[0]),
        "longitude": str(A[1]),
        "meeting_times": "Jeden 1. Samstag",
        "data_licence": "ODbL-1.0",
        "tags": "Reparieren",
    }
    data.update(overrides)
    return data


def test_mailed_link_opens_the_prefilled_form(client, returned, mailoutbox):
    proposal, _token = returned
    (mail,) = mailoutbox
    path = mail.body.split("http://127.0.0.1:8000", 1)[1].split()[0]
    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bitte Treffzeiten ergänzen." in html and 'value="Repair Café Neustadt"' in html


def test_resubmit_puts_it_back_into_the_queue_and_the_link_dies(client, returned):
    proposal, token = returned
    url = reverse("moderation:revise", args=[token])
    version = version_in(client.get(url))
    response = client.post(url, revision_data(version=version))
    assert response.status_code == 200
    entry = Initiative.objects.get(pk=proposal.initiative_id)
    assert entry.status == Status.PENDING and entry.meeting_times == "Jeden 1. Samstag"
    assert Decision.objects.filter(initiative=entry, action=Action.RESUBMIT).exists()
    again = client.post(url, revision_data(name="Noch mal geändert"))
    assert again.status_code == 400
    assert Initiative.objects.get(pk=entry.pk).name == "Repair Café Neustadt"


def test_expired_link_changes_nothing(client, returned, monkeypatch):
    proposal, token = returned
    real_time = signing.time.time
    monkeypatch.setattr(
        signing.time, "time", lambda: real_time() + tokens.REVISE_MAX_AGE.total_seconds() + 60
    )
    response = client.post(
        reverse("moderation:revise", args=[token]), revision_data(name="Zu spät")
    )
    assert response.status_code == 410
    entry = Initiative.objects.get(pk=proposal.initiative_id)
    assert (entry.status, entry.name) == (Status.DRAFT, "Repair Café Neustadt")
    with pytest.raises(tokens.TokenError) as exc:
        services.proposal_for_token(token)
    assert exc.value.expired


@pytest.mark.parametrize(
    "forge",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # broken signature
        lambda t: "kaputt",
        lambda t: signing.dumps({"p": 1, "r": 0, "e": "x"}, salt="another.salt"),
        lambda t: signing.dumps({"p": "1", "r": 0, "e": "x"}, salt=tokens.REVISE),
    ],
)
def test_tampered_links_change_nothing(client, returned, forge):
    proposal, token = returned
    response = client.post(
        reverse("moderation:revise", args=[forge(token)]), revision_data(name="Gefälscht")
    )
    assert response.status_code == 400
    assert Initiative.objects.get(pk=proposal.initiative_id).name == "Repair Café Neustadt"


def test_token_of_another_email_does_not_work(returned):
    proposal, _token = returned
    forged = tokens.make_revise_token(
        proposal_id=proposal.pk, revision=proposal.revision, email="someone@else.example"
    )
    with pytest.raises(tokens.TokenError):
        services.proposal_for_token(forged)


def test_rejected_proposal_link_no_longer_works(world, returned):
    proposal, token = returned
    services.reject(
        initiative=proposal.initiative, moderator=world["users"]["network"], reason="Doppelt."
    )
    with pytest.raises(tokens.TokenError):
        services.proposal_for_token(token)


def test_invalid_revision_keeps_the_draft(client, returned):
    proposal, token = returned
    response = client.post(
        reverse("moderation:revise", args=[token]), revision_data(latitude="40.0", longitude="7.0")
    )
    assert response.status_code == 200 and 'class="field-error"' in response.content.decode()
    assert Initiative.objects.get(pk=proposal.initiative_id).status == Status.DRAFT


def test_a_moderators_edit_meanwhile_is_not_overwritten(client, world, returned):
    proposal, token = returned
    url = reverse("moderation:revise", args=[token])
    form = form_in(client.get(url), form_id="entry-form")
    moderator = world["users"]["municipal_a"]
    moderator.first_name = "Moderatorin"
    moderator.save()
    edits.update_initiative(
        initiative=proposal.initiative, changes={"city": "Korrigiert"}, user=moderator
    )

    response = client.post(url, {**form, "meeting_times": "Jeden 1. Samstag"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "Korrigiert" in page and "Moderatorin" not in page
    entry = Initiative.objects.get(pk=proposal.initiative_id)
    assert (entry.status, entry.city) == (Status.DRAFT, "Korrigiert")
    again = form_in(response, form_id="entry-form")
    assert again["city"] == "Korrigiert" and again["meeting_times"] == "Jeden 1. Samstag"
    assert client.post(url, again).status_code == 200
    entry = Initiative.objects.get(pk=proposal.initiative_id)
    assert (entry.status, entry.city, entry.meeting_times) == (
        Status.PENDING,
        "Korrigiert",
        "Jeden 1. Samstag",
    )
