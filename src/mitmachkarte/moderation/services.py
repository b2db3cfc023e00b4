"""Writes of the moderation: proposals, decisions, problem reports, tag curation.

Every function checks who may act (organisations.rules) and the entry's state, locks
the entry's row, and changes everything or nothing. Mails go out after the writes succeeded.
"""

import hashlib
import math

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.geocoding import at_postcode_centre
from mitmachkarte.initiatives import validation
from mitmachkarte.initiatives.duplicates import Duplicate, find_duplicates
from mitmachkarte.initiatives.lifecycle import set_status
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.services import (
    create_initiative,
    locked,
    update_initiative_fields,
)
from mitmachkarte.initiatives.versions import check_version
from mitmachkarte.municipalities.selectors import municipality_id_at
from mitmachkarte.organisations.rules import can_moderate_initiative, is_network_team
from mitmachkarte.taxonomy import services as taxonomy_services
from mitmachkarte.taxonomy.models import Tag, TagSynonym

from . import mails, tokens
from .models import Action, Decision, ProblemReport, Proposal, ReportKind, ReportStatus

# Germany's bounding box: proposals outside it are typing or clicking errors.
GERMANY = {"south": 47.2, "north": 55.1, "west": 5.8, "east": 15.1}
MAX_REASON = 5_000
# Fields a proposer fills in; everything else of an Initiative stays with moderators.
PROPOSAL_FIELDS = (
    "name",
    "short_description",
    "description",
    "street",
    "postcode",
    "city",
    "contact_email",
    "website",
    "meeting_times",
    "opening_hours",
    "how_to_join",
    "data_licence",
    "image_alt",
    "image_credit",
)
# Everything the revise form shows: its version check covers these.
REVISE_FIELDS = (*PROPOSAL_FIELDS, "latitude", "longitude", "categories", "sdgs", "tags")


class LikelyDuplicates(Exception):
    """The proposal resembles existing entries; the proposer must confirm it is new."""

    def __init__(self, duplicates: list[Duplicate]):
        super().__init__(f"{len(duplicates)} likely duplicate(s)")
        self.duplicates = duplicates


def hash_ip(ip: str) -> str:
    """A salted digest: lets moderators spot a flood from one address, keeps no address."""
    if not ip:
        return ""
    return hashlib.sha256(f"{settings.SECRET_KEY}|ip|{ip}".encode()).hexdigest()[:32]


def validate_location(latitude, longitude) -> int:
    """The municipality id of a proposed point; ValidationError with a clear message else."""
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        raise ValidationError({"latitude": _("Pick the location on the map.")}) from None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValidationError({"latitude": _("Pick the location on the map.")})
    if not (
        GERMANY["south"] <= lat <= GERMANY["north"] and GERMANY["west"] <= lon <= GERMANY["east"]
    ):
        raise ValidationError(
            {
                "latitude": _(
                    "This point is outside Germany. Please pick the location on the map again."
                )
            }
        )
    municipality_id = municipality_id_at(lat, lon)
    if municipality_id is None:
        raise ValidationError(
            {
                "latitude": _(
                    "This point is not inside any municipality we know. "
                    "Please pick a place on land inside a municipality."
                )
            }
        )
    return municipality_id


def _validate_fields(fields: dict) -> None:
    errors = validation.text_errors(fields)
    if errors:
        raise ValidationError(errors)
    validation.tag_names(fields.get("tags"))


def _require_moderator(user, initiative: Initiative) -> None:
    if not can_moderate_initiative(user, initiative):
        raise PermissionDenied(_("You do not moderate entries in this municipality."))


def _reason(text: str, *, required: bool) -> str:
    text = (text or "").strip()
    if required and not text:
        raise ValidationError({"reason": _("Please give a reason; the proposer will read it.")})
    if len(text) > MAX_REASON:
        raise ValidationError({"reason": _("At most %(n)s characters.") % {"n": MAX_REASON}})
    return text


# --- proposals ---------------------------------------------------------------------------


def propose_initiative(
    *,
    proposer_name: str,
    proposer_email: str,
    latitude: float,
    longitude: float,
    categories: list[str],
    sdgs: list[int] = (),
    tags: list[str] = (),
    ip: str = "",
    not_a_duplicate: bool = False,
    geocoded: bool = False,
    image=None,
    **fields,
) -> Proposal:
    """Save a proposal from someone without an account as a PENDING entry.

    Raises ValidationError (bad data, point outside Germany or any municipality) and
    LikelyDuplicates (unless `not_a_duplicate`); nothing is saved then. `geocoded`: the
    point was found from the address, not placed on the map (see find_duplicates). `image`:
    an uploaded picture or logo (initiatives.images), with `image_alt`.
    """
    unknown = set(fields) - set(PROPOSAL_FIELDS)
    if unknown:
        raise ValueError(f"fields a proposer cannot set: {sorted(unknown)}")
    proposer_name = (proposer_name or "").strip()
    if not proposer_name:
        raise ValidationError({"proposer_name": _("Please tell us your name.")})
    _validate_fields({**fields, "tags": tags})
    validate_location(latitude, longitude)
    if not not_a_duplicate:
        # Without the contact e-mail: the proposer is anonymous (moderators see that match).
        duplicates = find_duplicates(
            name=fields.get("name", ""),
            latitude=float(latitude),
            longitude=float(longitude),
            website=fields.get("website", ""),
            postcode=fields.get("postcode", ""),
            geocoded=geocoded
            or at_postcode_centre(fields.get("postcode", ""), float(latitude), float(longitude)),
        )
        if duplicates:
            raise LikelyDuplicates(duplicates)
    with transaction.atomic():
        initiative = create_initiative(
            latitude=latitude,
            longitude=longitude,
            categories=list(categories),
            sdgs=list(sdgs),
            tags=list(tags),
            status=Status.PENDING,
            image=image,
            **fields,
        )
        proposal = Proposal(
            initiative=initiative,
            proposer_name=proposer_name[:120],
            proposer_email=proposer_email,
            ip_hash=hash_ip(ip),
        )
        proposal.full_clean(exclude=["initiative"])
        proposal.save()
    mails.send_received(proposal=proposal)
    return proposal


def proposal_for_token(token: str) -> Proposal:
    """The proposal a revise link names, if it may still be revised; TokenError otherwise."""
    proposal_id, revision, digest = tokens.read_revise_token(token)
    proposal = Proposal.objects.select_related("initiative").filter(pk=proposal_id).first()
    if (
        proposal is None
        or proposal.revision != revision
        or tokens.email_digest(proposal.proposer_email) != digest
        or proposal.initiative.status != Status.DRAFT
    ):
        raise tokens.TokenError("used")
    return proposal


def resubmit_proposal(
    *,
    token: str,
    latitude: float,
    longitude: float,
    categories: list[str],
    sdgs: list[int] = (),
    tags: list[str] = (),
    expected_version: str | None = None,
    **fields,
) -> Proposal:
    """Apply the proposer's revision and put the entry back into the queue (PENDING).

    `expected_version`: the revise form's token; a moderator may have edited the draft
    since (core.concurrency)."""
    unknown = set(fields) - set(PROPOSAL_FIELDS)
    if unknown:
        raise ValueError(f"fields a proposer cannot set: {sorted(unknown)}")
    _validate_fields({**fields, "tags": tags})
    validate_location(latitude, longitude)
    with transaction.atomic():
        proposal = proposal_for_token(token)
        initiative = locked(proposal.initiative)
        if initiative.status != Status.DRAFT:
            raise tokens.TokenError("used")
        check_version(initiative, expected_version, covering=REVISE_FIELDS)
        changes = {
            **fields,
            "latitude": float(latitude),
            "longitude": float(longitude),
            "categories": list(categories),
            "sdgs": list(sdgs),
            "tags": list(tags),
        }
        update_initiative_fields(initiative=initiative, changes=changes)
        set_status(initiative=initiative, status=Status.PENDING, via="proposer")
        proposal.revision += 1  # the link just used stops working
        proposal.resubmitted_at = timezone.now()
        proposal.save(update_fields=["revision", "resubmitted_at"])
    return proposal


# --- decisions ---------------------------------------------------------------------------


def _decide(initiative: Initiative, moderator, status: str, reason: str) -> Decision:
    set_status(
        initiative=initiative, status=status, actor=moderator, reason=reason, via="moderation"
    )
    return Decision.objects.filter(initiative=initiative).first()  # the one just logged


def approve(*, initiative: Initiative, moderator, note: str = "") -> Decision:
    """Publish a pending entry (it appears on the map); moderation.decisions tells the
    proposer and the editors."""
    note = _reason(note, required=False)
    with transaction.atomic():
        initiative = locked(initiative)
        _require_moderator(moderator, initiative)
        if initiative.status != Status.PENDING:
            raise ValidationError(_("Only entries waiting for review can be approved."))
        return _decide(initiative, moderator, Status.PUBLISHED, note)


def reject(*, initiative: Initiative, moderator, reason: str) -> Decision:
    """Archive a pending (or returned) proposal; the reason is mailed to the proposer."""
    reason = _reason(reason, required=True)
    with transaction.atomic():
        initiative = locked(initiative)
        _require_moderator(moderator, initiative)
        if initiative.status not in {Status.PENDING, Status.DRAFT}:
            raise ValidationError(_("Only proposals not yet published can be rejected."))
        return _decide(initiative, moderator, Status.ARCHIVED, reason)


def request_changes(*, initiative: Initiative, moderator, reason: str) -> Decision:
    """Send a pending proposal back to its proposer with a signed link to revise it."""
    reason = _reason(reason, required=True)
    with transaction.atomic():
        initiative = locked(initiative)
        _require_moderator(moderator, initiative)
        if initiative.status != Status.PENDING:
            raise ValidationError(_("Only entries waiting for review can be sent back."))
        if not Proposal.objects.filter(initiative=initiative).exists():
            raise ValidationError(_("This entry has no proposer to ask."))
        return _decide(initiative, moderator, Status.DRAFT, reason)


# --- problem reports ---------------------------------------------------------------------


def report_problem(
    *, initiative: Initiative, kind: str, message: str = "", reporter_email: str = ""
) -> ProblemReport:
    """Anyone may report a problem with a published entry; it goes to the moderation queue."""
    if initiative.status != Status.PUBLISHED:
        raise ValidationError(_("Problems can only be reported for published entries."))
    if kind not in ReportKind.values:
        raise ValidationError({"kind": _("Choose what the problem is.")})
    if len(message or "") > MAX_REASON:
        raise ValidationError({"message": _("At most %(n)s characters.") % {"n": MAX_REASON}})
    report = ProblemReport(
        initiative=initiative,
        kind=kind,
        message=(message or "").strip(),
        reporter_email=(reporter_email or "").strip(),
    )
    report.full_clean(exclude=["initiative"])
    report.save()
    mails.send_report_received(initiative=initiative)
    return report


def _close_report(*, report: ProblemReport, moderator, note: str, archive: bool) -> Decision:
    note = _reason(note, required=archive)
    with transaction.atomic():
        report = ProblemReport.objects.select_for_update().get(pk=report.pk)
        initiative = locked(report.initiative)
        _require_moderator(moderator, initiative)
        if report.status != ReportStatus.OPEN:
            raise ValidationError(_("This report has already been dealt with."))
        if archive:
            decision = _decide(initiative, moderator, Status.ARCHIVED, note)
            # One archived entry settles every open report about it.
            ProblemReport.objects.filter(initiative=initiative, status=ReportStatus.OPEN).update(
                status=ReportStatus.ARCHIVED,
                resolved_at=timezone.now(),
                resolved_by=moderator,
                resolution_note=note,
            )
            return decision
        report.status = ReportStatus.RESOLVED
        report.resolved_at, report.resolved_by = timezone.now(), moderator
        report.resolution_note = note
        report.save()
        return Decision.objects.create(
            initiative=initiative, moderator=moderator, reason=note, action=Action.RESOLVE_REPORT
        )


def resolve_report(*, report: ProblemReport, moderator, note: str = "") -> Decision:
    """Close a report (the entry was fixed, or the report was wrong); the entry stays."""
    return _close_report(report=report, moderator=moderator, note=note, archive=False)


def archive_reported(*, report: ProblemReport, moderator, note: str) -> Decision:
    """Take a reported entry off the map (archived, never deleted) and close its reports."""
    return _close_report(report=report, moderator=moderator, note=note, archive=True)


# --- tags --------------------------------------------------------------------------------


def _require_network_team(user) -> None:
    if not is_network_team(user):
        raise PermissionDenied(_("Only the network team curates tags."))


def merge_tags(*, source: Tag, target: Tag, moderator) -> Tag:
    _require_network_team(moderator)
    return taxonomy_services.merge_tags(source=source, target=target)


def add_tag_synonym(*, tag: Tag, name: str, moderator) -> TagSynonym:
    _require_network_team(moderator)
    return taxonomy_services.add_synonym(tag=tag, name=name)


def remove_tag_synonym(*, synonym: TagSynonym, moderator) -> None:
    _require_network_team(moderator)
    taxonomy_services.remove_synonym(synonym=synonym)
