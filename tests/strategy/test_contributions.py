"""Contribution services: who may link, propose, decide and remove; what may contribute;
no duplicates; the mails users expect."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from mitmachkarte.organisations.services import add_member, create_organisation
from mitmachkarte.strategy import contributions as svc
from mitmachkarte.strategy.models import Contribution, ContributionStatus
from tests.factories import EventFactory, NeedFactory, UserFactory, WorkingGroupFactory
from tests.strategy.factories_contrib import (
    c_cooperation,
    c_initiative,
    c_initiative_member,
    c_measure,
    c_municipal_member,
    c_town,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(reference_data):
    town, other = c_town("Bochum"), c_town("Herne")
    initiative = c_initiative(town, name="Repair Café Bochum", sdgs=[12])
    return {
        "town": town,
        "other": other,
        "measure": c_measure(town, sdgs=[12]),
        "initiative": initiative,
        "manager": c_municipal_member(town),
        "volunteer": c_initiative_member(initiative),
    }


def network_team_member():
    team = create_organisation(name="Netzwerkteam", type="network_team")
    user = UserFactory()
    add_member(organisation=team, user=user)
    return user


# --- who may link (the municipality's side) -----------------------------------------------


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("manager", True),
        ("network_team", True),
        ("volunteer", False),
        ("other_manager", False),
        ("stranger", False),
    ],
)
def test_permission_matrix_for_linking(world, who, allowed):
    users = {
        "manager": world["manager"],
        "network_team": network_team_member(),
        "volunteer": world["volunteer"],
        "other_manager": c_municipal_member(world["other"]),
        "stranger": UserFactory(),
    }
    link = lambda: svc.link_contribution(  # noqa: E731
        user=users[who], measure=world["measure"], target=world["initiative"]
    )
    if allowed:
        contribution = link()
        assert contribution.status == ContributionStatus.CONFIRMED
        assert contribution.decided_by == users[who] and contribution.decided_at
    else:
        with pytest.raises(PermissionDenied):
            link()
        assert not Contribution.objects.exists()


def test_anonymous_cannot_link(world):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        svc.link_contribution(
            user=AnonymousUser(), measure=world["measure"], target=world["initiative"]
        )


def test_a_direct_link_tells_the_initiative(world):
    mail.outbox.clear()
    svc.link_contribution(
        user=world["manager"], measure=world["measure"], target=world["initiative"]
    )
    assert [m.to for m in mail.outbox] == [[world["volunteer"].email]]
    assert "/strategie/massnahmen/" in mail.outbox[0].body


# --- what may contribute ----------------------------------------------------------------


def test_an_initiative_elsewhere_contributes_only_when_it_cooperates(world):
    elsewhere = c_initiative(world["other"], name="Foodsharing Herne")
    with pytest.raises(ValidationError, match="weder in Bochum"):
        svc.link_contribution(user=world["manager"], measure=world["measure"], target=elsewhere)
    c_cooperation(world["town"], elsewhere, status="pending")
    with pytest.raises(ValidationError):
        svc.link_contribution(user=world["manager"], measure=world["measure"], target=elsewhere)
    c_cooperation(world["town"], elsewhere)
    assert (
        svc.link_contribution(
            user=world["manager"], measure=world["measure"], target=elsewhere
        ).initiative
        == elsewhere
    )


def test_only_published_initiatives(world):
    draft = c_initiative(world["town"], status="draft")
    with pytest.raises(ValidationError, match="veröffentlichte Initiativen"):
        svc.link_contribution(user=world["manager"], measure=world["measure"], target=draft)


def test_a_need_counts_once_solved(world):
    organisation = world["initiative"].organisation
    need = NeedFactory(organisation=organisation, municipality=world["town"])
    with pytest.raises(ValidationError, match="gelöst"):
        svc.link_contribution(user=world["manager"], measure=world["measure"], target=need)
    need.status = "solved"
    need.save()
    assert svc.link_contribution(user=world["manager"], measure=world["measure"], target=need)
    foreign = NeedFactory(organisation=organisation, municipality=world["other"], status="solved")
    with pytest.raises(ValidationError):
        svc.link_contribution(user=world["manager"], measure=world["measure"], target=foreign)


def test_events_by_their_place_and_groups_by_their_municipality(world):
    here = EventFactory(municipalities=[world["town"]])
    there = EventFactory(municipalities=[world["other"]])
    svc.link_contribution(user=world["manager"], measure=world["measure"], target=here)
    with pytest.raises(ValidationError):
        svc.link_contribution(user=world["manager"], measure=world["measure"], target=there)
    group = WorkingGroupFactory(municipality=world["town"])
    regional = WorkingGroupFactory(municipality=None)
    svc.link_contribution(user=world["manager"], measure=world["measure"], target=group)
    with pytest.raises(ValidationError):
        svc.link_contribution(user=world["manager"], measure=world["measure"], target=regional)
    regional.organisations.add(world["town"].organisations.get(type="municipality"))
    svc.link_contribution(user=world["manager"], measure=world["measure"], target=regional)
    assert Contribution.objects.count() == 3


def test_cooperations_when_confirmed_and_of_the_municipality(world):
    pending = c_cooperation(world["town"], world["initiative"], status="pending")
    with pytest.raises(ValidationError, match="bestätigte Kooperationen"):
        svc.link_contribution(user=world["manager"], measure=world["measure"], target=pending)
    pending.status = "confirmed"
    pending.save()
    assert svc.link_contribution(user=world["manager"], measure=world["measure"], target=pending)


# --- duplicates ---------------------------------------------------------------------------


def test_no_duplicates_with_a_clear_message(world):
    measure, initiative = world["measure"], world["initiative"]
    svc.link_contribution(user=world["manager"], measure=measure, target=initiative)
    with pytest.raises(ValidationError, match="bereits mit dieser Maßnahme verknüpft"):
        svc.link_contribution(user=world["manager"], measure=measure, target=initiative)
    with pytest.raises(ValidationError, match="bereits mit dieser Maßnahme verknüpft"):
        svc.propose_contribution(
            user=world["volunteer"],
            organisation=initiative.organisation,
            measure=measure,
            target=initiative,
        )
    assert Contribution.objects.count() == 1


def test_a_declined_proposal_is_not_made_again(world):
    measure, initiative = world["measure"], world["initiative"]
    proposal = svc.propose_contribution(
        user=world["volunteer"], organisation=initiative.organisation, measure=measure,
        target=initiative,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="bereits vorgeschlagen"):
        svc.propose_contribution(
            user=world["volunteer"], organisation=initiative.organisation, measure=measure,
            target=initiative,
        )  # fmt: skip
    svc.decline_contribution(user=world["manager"], contribution=proposal)
    with pytest.raises(ValidationError, match="abgelehnt"):
        svc.propose_contribution(
            user=world["volunteer"], organisation=initiative.organisation, measure=measure,
            target=initiative,
        )  # fmt: skip
    # The municipality may change its mind.
    assert svc.confirm_contribution(user=world["manager"], contribution=proposal).status == (
        ContributionStatus.CONFIRMED
    )


# --- proposals and decisions --------------------------------------------------------------


def test_proposal_reaches_the_municipality_and_the_decision_the_proposer(world):
    colleague = c_municipal_member(world["town"])
    mail.outbox.clear()
    proposal = svc.propose_contribution(
        user=world["volunteer"],
        organisation=world["initiative"].organisation,
        measure=world["measure"],
        target=world["initiative"],
        note="Wir reparieren jeden Monat.",
    )
    assert proposal.status == ContributionStatus.PROPOSED
    assert proposal.proposed_by == world["initiative"].organisation
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world["manager"].email, colleague.email])
    assert "Wir reparieren jeden Monat." in mail.outbox[0].body
    mail.outbox.clear()
    svc.confirm_contribution(user=world["manager"], contribution=proposal)
    proposal.refresh_from_db()
    assert proposal.status == ContributionStatus.CONFIRMED
    assert proposal.decided_by == world["manager"] and proposal.decided_at is not None
    assert [m.to for m in mail.outbox] == [[world["volunteer"].email]]
    assert "bestätigt" in mail.outbox[0].subject
    assert f"/massnahmen/{world['measure'].pk}/" in mail.outbox[0].body


@pytest.mark.parametrize(
    "who, allowed",
    [("manager", True), ("network_team", True), ("volunteer", False), ("other_manager", False)],
)
def test_permission_matrix_for_deciding(world, who, allowed):
    users = {
        "manager": world["manager"],
        "network_team": network_team_member(),
        "volunteer": world["volunteer"],
        "other_manager": c_municipal_member(world["other"]),
    }
    proposal = svc.propose_contribution(
        user=world["volunteer"], organisation=world["initiative"].organisation,
        measure=world["measure"], target=world["initiative"],
    )  # fmt: skip
    for decide in (svc.decline_contribution, svc.confirm_contribution):
        if allowed:
            decide(user=users[who], contribution=proposal)
        else:
            with pytest.raises(PermissionDenied):
                decide(user=users[who], contribution=proposal)
    proposal.refresh_from_db()
    assert proposal.status == ("confirmed" if allowed else "proposed")


@pytest.mark.parametrize(
    "who, allowed", [("volunteer", True), ("manager", False), ("stranger", False)]
)
def test_permission_matrix_for_proposing(world, who, allowed):
    users = {
        "volunteer": world["volunteer"],
        "manager": world["manager"],
        "stranger": UserFactory(),
    }
    propose = lambda: svc.propose_contribution(  # noqa: E731
        user=users[who], organisation=world["initiative"].organisation,
        measure=world["measure"], target=world["initiative"],
    )  # fmt: skip
    if allowed:
        assert propose().status == "proposed"
    else:
        with pytest.raises(PermissionDenied):
            propose()


def test_an_initiative_proposes_only_its_own_things(world):
    neighbour = c_initiative(world["town"], name="Kleidertausch")
    with pytest.raises(PermissionDenied, match="nur sich selbst"):
        svc.propose_contribution(
            user=world["volunteer"], organisation=world["initiative"].organisation,
            measure=world["measure"], target=neighbour,
        )  # fmt: skip
    own_event = EventFactory(
        municipalities=[world["town"]], organiser_initiative=world["initiative"]
    )
    assert svc.propose_contribution(
        user=world["volunteer"], organisation=world["initiative"].organisation,
        measure=world["measure"], target=own_event,
    )  # fmt: skip
    group = WorkingGroupFactory(municipality=world["town"])
    with pytest.raises(PermissionDenied):
        svc.propose_contribution(
            user=world["volunteer"], organisation=world["initiative"].organisation,
            measure=world["measure"], target=group,
        )  # fmt: skip


def test_proposals_only_for_published_measures(world):
    hidden = c_measure(world["town"], code="2", goal_published=False)
    with pytest.raises(ValidationError, match="veröffentlichten Maßnahmen"):
        svc.propose_contribution(
            user=world["volunteer"], organisation=world["initiative"].organisation,
            measure=hidden, target=world["initiative"],
        )  # fmt: skip
    # The municipality prepares links before publishing.
    assert svc.link_contribution(user=world["manager"], measure=hidden, target=world["initiative"])


def test_only_a_proposal_is_declined(world):
    linked = svc.link_contribution(
        user=world["manager"], measure=world["measure"], target=world["initiative"]
    )
    with pytest.raises(ValidationError):
        svc.decline_contribution(user=world["manager"], contribution=linked)
    with pytest.raises(ValidationError, match="bereits"):
        svc.confirm_contribution(user=world["manager"], contribution=linked)


# --- removing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, allowed",
    [("manager", True), ("volunteer", True), ("other_volunteer", False), ("stranger", False)],
)
def test_permission_matrix_for_removing(world, who, allowed):
    other = c_initiative(world["town"], name="Andere")
    users = {
        "manager": world["manager"],
        "volunteer": world["volunteer"],
        "other_volunteer": c_initiative_member(other),
        "stranger": UserFactory(),
    }
    linked = svc.link_contribution(
        user=world["manager"], measure=world["measure"], target=world["initiative"]
    )
    if allowed:
        svc.remove_contribution(user=users[who], contribution=linked)
        assert not Contribution.objects.exists()
    else:
        with pytest.raises(PermissionDenied):
            svc.remove_contribution(user=users[who], contribution=linked)
        assert Contribution.objects.count() == 1
