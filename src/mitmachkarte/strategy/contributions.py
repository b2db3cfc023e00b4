"""Writes for contributions to measures: link, propose, confirm, decline, remove.

Keyword-only functions, one transaction each. The municipality's side links something to
its measure (confirmed at once) and decides on proposals; an initiative's side proposes
itself or its own events, solved needs and cooperations for a published measure. Whatever
contributes must be public itself (a published initiative or event, a confirmed
cooperation, a solved need) and be in the measure's municipality or serve it. A thing is
linked to a measure once: a second link, proposal or a proposal after a decline is refused
with a message that says what exists. Mail is queued by core.mail (after the commit).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.permissions import require_perm
from mitmachkarte.events.models import Event
from mitmachkarte.groups.models import Cooperation, CooperationStatus, WorkingGroup
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.organisations.models import Organisation
from mitmachkarte.support.models import Need, NeedStatus

from . import contribution_mails as mails
from .measure_selectors import groups_serving, is_public, served_municipality_ids
from .models import Contribution, ContributionStatus, Measure
from .rules_contributions import municipality_of, owner_organisation_ids

KIND_OF = {
    Initiative: "initiative",
    Event: "event",
    Cooperation: "cooperation",
    WorkingGroup: "working_group",
    Need: "need",
}


def kind_of(target) -> str:
    kind = KIND_OF.get(type(target))
    if kind is None:
        raise ValidationError(_("This cannot contribute to a measure."))
    return kind


def _check_target(kind: str, target, municipality) -> None:
    """The thing is public itself and in the municipality or serving it."""
    if kind == "initiative":
        if not target.is_published:
            raise ValidationError(_("Only published initiatives can contribute to a measure."))
        serves = municipality.pk in served_municipality_ids(target)
    elif kind == "event":
        if not target.is_published:
            raise ValidationError(_("Only published events can contribute to a measure."))
        serves = target.municipalities.filter(pk=municipality.pk).exists()
    elif kind == "cooperation":
        if target.status != CooperationStatus.CONFIRMED:
            raise ValidationError(_("Only confirmed cooperations can contribute to a measure."))
        initiative = target.initiative_organisation.initiative
        if initiative is not None and not initiative.is_published:
            raise ValidationError(_("Only published initiatives can contribute to a measure."))
        serves = target.municipality_id == municipality.pk
    elif kind == "need":
        if target.status != NeedStatus.SOLVED:
            raise ValidationError(_("A need counts as a contribution only once it is solved."))
        initiative = target.organisation.initiative
        if initiative is not None and not initiative.is_published:
            raise ValidationError(_("Only published initiatives can contribute to a measure."))
        serves = target.municipality_id == municipality.pk
    else:
        serves = groups_serving(municipality).filter(pk=target.pk).exists()
    if not serves:
        raise ValidationError(
            _("It neither is in %(municipality)s nor works with it, so it cannot contribute.")
            % {"municipality": municipality.name}
        )


def _refuse_duplicate(measure: Measure, kind: str, target) -> None:
    existing = Contribution.objects.filter(measure=measure, **{kind: target}).first()
    if existing is None:
        return
    messages = {
        ContributionStatus.CONFIRMED: _("%(thing)s is already linked to this measure."),
        ContributionStatus.PROPOSED: _("%(thing)s is already proposed for this measure."),
        ContributionStatus.DECLINED: _(
            "%(thing)s was proposed for this measure and declined; the municipality can "
            "still confirm it."
        ),
    }
    raise ValidationError(messages[existing.status] % {"thing": target})


def _locked(measure: Measure) -> Measure:
    # One link at a time per measure, so the duplicate check sees every earlier one.
    Measure.objects.select_for_update().filter(pk=measure.pk).first()
    return Measure.objects.select_related(
        "operational_goal__strategic_goal__field__strategy__municipality"
    ).get(pk=measure.pk)


@transaction.atomic
def link_contribution(*, user, measure: Measure, target, note: str = "") -> Contribution:
    """The municipality's side links `target` to its measure; confirmed at once."""
    measure = _locked(measure)
    require_perm(user, "strategy.manage_contributions", measure)
    kind = kind_of(target)
    _check_target(kind, target, municipality_of(measure))
    _refuse_duplicate(measure, kind, target)
    now = timezone.now()
    contribution = Contribution.objects.create(
        measure=measure,
        **{kind: target},
        status=ContributionStatus.CONFIRMED,
        note=note.strip()[:2000],
        created_by=user,
        decided_by=user,
        decided_at=now,
    )
    mails.send_linked(contribution=contribution)
    return contribution


def _owns(organisation: Organisation, kind: str, target) -> bool:
    if kind == "initiative":
        return organisation.initiative_id == target.pk
    if kind in ("event", "cooperation", "need"):
        probe = Contribution(**{kind: target})
        return organisation.pk in owner_organisation_ids(probe)
    return False  # working groups are linked by the municipality


@transaction.atomic
def propose_contribution(
    *, user, organisation: Organisation, measure: Measure, target, note: str = ""
) -> Contribution:
    """A member of an initiative's organisation proposes the initiative itself or its own
    event, solved need or cooperation for a published measure; the municipality decides."""
    measure = _locked(measure)
    require_perm(user, "strategy.propose_contribution", organisation)
    if not is_public(measure):
        raise ValidationError(_("Contributions can be proposed for published measures only."))
    kind = kind_of(target)
    if not _owns(organisation, kind, target):
        raise PermissionDenied(
            _(
                "%(organisation)s can propose only itself and its own events, needs and "
                "cooperations."
            )
            % {"organisation": organisation.name}
        )
    _check_target(kind, target, municipality_of(measure))
    _refuse_duplicate(measure, kind, target)
    contribution = Contribution.objects.create(
        measure=measure,
        **{kind: target},
        status=ContributionStatus.PROPOSED,
        note=note.strip()[:2000],
        proposed_by=organisation,
        created_by=user,
    )
    mails.send_proposal(contribution=contribution)
    return contribution


def _decide(*, user, contribution: Contribution, status: str, note: str) -> Contribution:
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("measure", "proposed_by", "created_by")
        .get(pk=contribution.pk)
    )
    require_perm(user, "strategy.decide_contribution", contribution)
    if contribution.status == status:
        raise ValidationError(
            _("This contribution is already %(status)s.")
            % {"status": contribution.get_status_display()}
        )
    if status == ContributionStatus.DECLINED and (
        contribution.status != ContributionStatus.PROPOSED
    ):
        raise ValidationError(_("Only a proposal can be declined; remove a linked one."))
    contribution.status = status
    contribution.decided_by, contribution.decided_at = user, timezone.now()
    fields = ["status", "decided_by", "decided_at"]
    if note.strip():
        contribution.note = note.strip()[:2000]
        fields.append("note")
    contribution.save(update_fields=fields)
    mails.send_decision(contribution=contribution)
    return contribution


@transaction.atomic
def confirm_contribution(*, user, contribution: Contribution, note: str = "") -> Contribution:
    """Confirm a proposal (or one declined before: the municipality changed its mind)."""
    return _decide(
        user=user, contribution=contribution, status=ContributionStatus.CONFIRMED, note=note
    )


@transaction.atomic
def decline_contribution(*, user, contribution: Contribution, note: str = "") -> Contribution:
    """Decline a proposal; it stays on record, so the same proposal is not made again."""
    return _decide(
        user=user, contribution=contribution, status=ContributionStatus.DECLINED, note=note
    )


@transaction.atomic
def remove_contribution(*, user, contribution: Contribution) -> None:
    """Unlink (the municipality) or withdraw (the contributing organisation)."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    require_perm(user, "strategy.remove_contribution", contribution)
    contribution.delete()
