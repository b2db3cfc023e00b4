"""Suggestions: changes by someone who may not publish them, reviewed by editors/moderators."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.services import update_initiative_fields, validate_changes

from . import mails
from .edits import authenticated, changed_fields, locked_at_version, may_publish
from .history import ensure_baseline
from .models import Suggestion, SuggestionStatus

REASON_MAX = 2_000


def _limit_message() -> str:
    return _("At most %(limit)s characters.") % {"limit": REASON_MAX}


@transaction.atomic
def suggest_changes(
    *,
    initiative: Initiative,
    changes: dict,
    user,
    comment: str = "",
    expected_version: str | None = None,
) -> Suggestion:
    """Store changes by someone who may not publish them, for review by editors/moderators.

    A suggestion is made against the entry as it is now (the form's version, checked):
    the entry's history then shows what changed after it (see diff.changed_since).
    """
    if not authenticated(user):
        raise PermissionDenied(_("Please log in to suggest changes."))
    if len(comment) > REASON_MAX:
        raise ValidationError({"comment": [_limit_message()]})
    initiative = locked_at_version(initiative, expected_version, covering=changes)
    diff = changed_fields(initiative, changes)
    if not diff:
        raise ValidationError(_("You did not change anything."))
    # Checked on a copy: nothing is saved.
    validate_changes(initiative=Initiative.objects.get(pk=initiative.pk), changes=diff)
    ensure_baseline(initiative=initiative)
    suggestion = Suggestion.objects.create(
        initiative=initiative, author=user, changes=diff, comment=comment.strip()
    )
    mails.send_suggestion_received(suggestion=suggestion)
    return suggestion


def _pending(suggestion: Suggestion, user) -> Suggestion:
    suggestion = (
        Suggestion.objects.select_for_update().select_related("initiative").get(pk=suggestion.pk)
    )
    if not may_publish(user, suggestion.initiative):
        raise PermissionDenied(
            _("Only the editors of this entry and its moderators may review suggestions.")
        )
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(_("This suggestion has already been decided."))
    return suggestion


@transaction.atomic
def accept_suggestion(
    *, suggestion: Suggestion, user, expected_version: str | None = None
) -> Suggestion:
    """Publish a suggestion. `expected_version`: the token of the suggested fields as the
    reviewer saw them (diff.review_version), so nobody accepts over a change not seen."""
    suggestion = _pending(suggestion, user)
    initiative = locked_at_version(
        suggestion.initiative, expected_version, covering=suggestion.changes
    )
    update_initiative_fields(
        initiative=initiative,
        changes=suggestion.changes,
        actor=user,
        reason=f"Vorschlag #{suggestion.pk} übernommen",
    )
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.decided_by, suggestion.decided_at = user, timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])
    return suggestion


@transaction.atomic
def reject_suggestion(*, suggestion: Suggestion, user, reason: str) -> Suggestion:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Please give a reason.")]})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": [_limit_message()]})
    suggestion = _pending(suggestion, user)
    suggestion.status = SuggestionStatus.REJECTED
    suggestion.decided_by, suggestion.decided_at = user, timezone.now()
    suggestion.reason = reason
    suggestion.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    mails.send_suggestion_rejected(suggestion=suggestion)
    return suggestion
