"""Moderation services: the permission matrix, state rules, logging and mails."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.validation import TEXT_LIMITS
from mitmachkarte.moderation import services
from mitmachkarte.moderation.models import Action, Decision, ProblemReport, ReportStatus
from mitmachkarte.taxonomy.models import Tag

from .conftest import A, B, propose

pytestmark = pytest.mark.django_db

# role: may moderate an entry in town A?
MODERATES_A = {
    "network": True,
    "municipal_a": True,
    "municipal_b": False,
    "editor_a": False,
    "advice": False,
    "plain": False,
    "anonymous": False,
}
ACTIONS = {
    "approve": lambda i, u: services.approve(initiative=i, moderator=u),
    "reject": lambda i, u: services.reject(initiative=i, moderator=u, reason="Kein Bezug."),
    "request_changes": lambda i, u: services.request_changes(
        initiative=i, moderator=u, reason="Bitte Adresse ergänzen."
    ),
}
AFTER = {"approve": Status.PUBLISHED, "reject": Status.ARCHIVED, "request_changes": Status.DRAFT}


@pytest.mark.parametrize("role", MODERATES_A)
@pytest.mark.parametrize("action", ACTIONS)
def test_decision_matrix(world, pending_a, mailoutbox, role, action):
    user = world["users"][role]
    if MODERATES_A[role]:
        decision = ACTIONS[action](pending_a, user)
        assert decision.action == action and decision.moderator == user
        assert Initiative.objects.get(pk=pending_a.pk).status == AFTER[action]
        assert [m.to for m in mailoutbox] == [["paula@example.org"]]
    else:
        with pytest.raises(PermissionDenied):
            ACTIONS[action](pending_a, user)
        assert Initiative.objects.get(pk=pending_a.pk).status == Status.PENDING
        assert not Decision.objects.exists()
        assert not mailoutbox


@pytest.mark.parametrize("role", MODERATES_A)
@pytest.mark.parametrize("archive", [False, True])
def test_report_matrix(world, role, archive):
    report = services.report_problem(
        initiative=world["published_a"], kind="closed", message="Gibt es nicht mehr."
    )
    user = world["users"][role]
    run = services.archive_reported if archive else services.resolve_report
    if MODERATES_A[role]:
        run(report=report, moderator=user, note="Geprüft.")
        report.refresh_from_db()
        assert report.status == (ReportStatus.ARCHIVED if archive else ReportStatus.RESOLVED)
        assert report.resolved_by == user
        status = Initiative.objects.get(pk=world["published_a"].pk).status
        assert status == (Status.ARCHIVED if archive else Status.PUBLISHED)
        assert Decision.objects.get().action == (
            Action.ARCHIVE if archive else Action.RESOLVE_REPORT
        )
    else:
        with pytest.raises(PermissionDenied):
            run(report=report, moderator=user, note="Geprüft.")
        report.refresh_from_db()
        assert report.status == ReportStatus.OPEN
        assert Initiative.objects.get(pk=world["published_a"].pk).status == Status.PUBLISHED


@pytest.mark.parametrize("role", MODERATES_A)
def test_only_the_network_team_merges_tags(world, role):
    source, target = (
        Tag.objects.create(name="Repair", slug="repair"),
        Tag.objects.create(name="Reparieren", slug="reparieren"),
    )
    user = world["users"][role]
    if role == "network":
        services.merge_tags(source=source, target=target, moderator=user)
        assert not Tag.objects.filter(pk=source.pk).exists()
    else:
        with pytest.raises(PermissionDenied):
            services.merge_tags(source=source, target=target, moderator=user)
        with pytest.raises(PermissionDenied):
            services.add_tag_synonym(tag=target, name="Flicken", moderator=user)
        assert Tag.objects.filter(pk=source.pk).exists()
        assert not target.synonyms.exists()


def test_a_decided_entry_cannot_be_decided_again(world, pending_a):
    network = world["users"]["network"]
    services.approve(initiative=pending_a, moderator=network)
    for action in ACTIONS.values():
        with pytest.raises(ValidationError):
            action(pending_a, network)
    assert Decision.objects.count() == 1


def test_reject_and_request_changes_need_a_reason(world, pending_a, mailoutbox):
    network = world["users"]["network"]
    with pytest.raises(ValidationError):
        services.reject(initiative=pending_a, moderator=network, reason="  ")
    with pytest.raises(ValidationError):
        services.request_changes(initiative=pending_a, moderator=network, reason="")
    assert Initiative.objects.get(pk=pending_a.pk).status == Status.PENDING
    assert not mailoutbox


def test_reject_mails_the_reason_and_keeps_the_entry_archived(world, pending_a, mailoutbox):
    services.reject(
        initiative=pending_a,
        moderator=world["users"]["municipal_a"],
        reason="Das ist ein Unternehmen, keine Initiative.",
    )
    assert Initiative.objects.get(pk=pending_a.pk).status == Status.ARCHIVED
    (mail,) = mailoutbox
    assert mail.to == ["paula@example.org"]
    assert "Das ist ein Unternehmen, keine Initiative." in mail.body
    assert "Repair Café Neustadt" in mail.body


def test_request_changes_mails_a_revise_link(world, pending_a, mailoutbox, settings):
    settings.SITE_URL = "https://karte.example"
    services.request_changes(
        initiative=pending_a,
        moderator=world["users"]["network"],
        reason="Bitte die Öffnungszeiten ergänzen.",
    )
    (mail,) = mailoutbox
    assert "Bitte die Öffnungszeiten ergänzen." in mail.body
    assert "https://karte.example/mitmachen/ueberarbeiten/" in mail.body


def test_approve_publishes_and_logs(world, pending_a, mailoutbox):
    services.approve(initiative=pending_a, moderator=world["users"]["municipal_a"], note="Danke!")
    entry = Initiative.objects.get(pk=pending_a.pk)
    assert entry.status == Status.PUBLISHED
    decision = Decision.objects.get(initiative=entry)
    assert (decision.action, decision.reason) == (Action.APPROVE, "Danke!")
    assert entry.get_absolute_url() in mailoutbox[0].body


def test_proposal_keeps_personal_data_minimal(world):
    proposal = propose(ip="203.0.113.9")
    assert proposal.ip_hash and "203.0.113.9" not in proposal.ip_hash
    assert proposal.initiative.status == Status.PENDING
    assert proposal.initiative.municipality == world["town_a"]


@pytest.mark.parametrize(
    "lat, lon, message",
    [
        (40.0, 7.0, "außerhalb Deutschlands"),  # Mediterranean
        (51.0, 30.0, "außerhalb Deutschlands"),
        (53.5, 10.0, "in keiner uns bekannten Kommune"),  # in Germany, no municipality near
        (float("nan"), 7.0, "Wähle den Ort auf der Karte"),
    ],
)
def test_bad_locations_are_refused(world, lat, lon, message):
    with pytest.raises(ValidationError) as exc:
        propose(latitude=lat, longitude=lon)
    assert message in str(exc.value)
    assert not Initiative.objects.filter(status=Status.PENDING).exists()


def test_oversized_description_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        propose(description="x" * (TEXT_LIMITS["description"] + 1))
    assert "description" in exc.value.message_dict
    assert not Initiative.objects.filter(status=Status.PENDING).exists()


def test_duplicates_block_until_confirmed(world):
    with pytest.raises(services.LikelyDuplicates) as exc:
        propose(name="Gemeinschaftsgarten A", latitude=A[0] + 0.0051, longitude=A[1])
    assert [d.initiative for d in exc.value.duplicates] == [world["published_a"]]
    assert not Initiative.objects.filter(status=Status.PENDING).exists()
    proposal = propose(
        name="Gemeinschaftsgarten A", latitude=A[0] + 0.0051, longitude=A[1], not_a_duplicate=True
    )
    assert proposal.initiative.status == Status.PENDING


def test_reports_only_for_published_entries(world, pending_a):
    with pytest.raises(ValidationError):
        services.report_problem(initiative=pending_a, kind="closed")
    with pytest.raises(ValidationError):
        services.report_problem(initiative=world["published_a"], kind="nonsense")
    assert not ProblemReport.objects.exists()


def test_archiving_settles_every_open_report_of_the_entry(world):
    entry = world["published_a"]
    first = services.report_problem(initiative=entry, kind="closed")
    second = services.report_problem(initiative=entry, kind="wrong_data")
    services.archive_reported(
        report=first, moderator=world["users"]["network"], note="Geschlossen."
    )
    second.refresh_from_db()
    assert second.status == ReportStatus.ARCHIVED
    with pytest.raises(ValidationError):
        services.resolve_report(report=second, moderator=world["users"]["network"])


def test_entry_in_b_is_moderated_by_b_only(world):
    proposal = propose(name="Tauschregal B", latitude=B[0], longitude=B[1])
    with pytest.raises(PermissionDenied):
        services.approve(initiative=proposal.initiative, moderator=world["users"]["municipal_a"])
    services.approve(initiative=proposal.initiative, moderator=world["users"]["municipal_b"])
