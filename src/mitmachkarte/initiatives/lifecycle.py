"""The one place an entry's status changes: publish, archive, back to draft, into review.

Every path (moderation, the admin's actions, imports, stewardship, the links of reminder
mails) calls `set_status`, so each leaves the same traces: a version in the history with
actor and reason, and — through the `status_changed` signal — moderation's decision log
and its mails to the proposer and the entry's editors.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from .models import Initiative, Status
from .services import locked, save_entry
from .signals import before_write, status_changed


def default_reason(status: str) -> str:
    """What the history says when nobody gave a reason (in the entries' language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(Status(status).label)


def set_status(
    *,
    initiative: Initiative,
    status: str,
    actor=None,
    reason: str = "",
    via: str = "",
    confirmed_at=None,
) -> Initiative:
    """Give the entry `status`; nothing happens when it has it already.

    Publishing stamps `last_confirmed_at` and, the first time, `published_at` (an entry
    archived and published again is not announced as new a second time). `actor`: the
    user deciding (None for a signed link or the proposer); `reason`: shown in the history
    and the decision log, and mailed; `via`: which door it came through ("moderation",
    "admin", "import", "stewardship", "link", "proposer"), for receivers and logs.
    `confirmed_at`: when an import's source last confirmed the entry (instead of now).
    Permissions and which changes make sense are the caller's.
    """
    if status not in Status.values:
        raise ValidationError(f"unknown status {status!r}")
    reason = (reason or "").strip()
    with transaction.atomic():
        initiative = locked(initiative)
        old_status = initiative.status
        if old_status == status:
            return initiative
        before_write.send(sender=Initiative, initiative=initiative, actor=actor, reason=reason)
        initiative.status = status
        fields = ["status", "updated_at"]
        if status == Status.PUBLISHED:
            now = timezone.now()
            initiative.last_confirmed_at = confirmed_at or now
            fields.append("last_confirmed_at")
            if initiative.published_at is None:
                initiative.published_at = now
                fields.append("published_at")
        save_entry(
            initiative,
            actor=actor,
            reason=reason or default_reason(status),
            update_fields=fields,
        )
        status_changed.send(
            sender=Initiative,
            initiative=initiative,
            old_status=old_status,
            new_status=status,
            actor=actor,
            reason=reason,
            via=via,
        )
    return initiative
