"""Moderation's part of every status change: the decision log and the mails.

`initiatives.lifecycle.set_status` is the only place an entry's status changes; it sends
`status_changed`, and `record_decision` answers inside the same transaction. So whichever
door a publication or archiving came through (the queue, the admin, an import, an editor, a
reminder link), it leaves one `Decision` with actor and reason, and the same mails: the
proposer hears of the decision on their proposal, the entry's editors of every change.
Mails are queued through core.mail, which sends them only after the commit.
"""

from django.utils.translation import gettext as _

from mitmachkarte.core import mail
from mitmachkarte.core.links import absolute
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.signals import status_changed
from mitmachkarte.organisations.selectors import editor_emails

from . import mails
from .models import Action, Decision, Proposal

# The proposer's own mail per decision; other decisions reach them as a plain notice.
PROPOSER_MAILS = {
    Action.APPROVE: lambda p, reason: mails.send_approved(proposal=p, note=reason),
    Action.REJECT: lambda p, reason: mails.send_rejected(proposal=p, reason=reason),
    Action.REQUEST_CHANGES: lambda p, reason: mails.send_changes_requested(
        proposal=p, reason=reason
    ),
}
SILENT = {Action.RESUBMIT}  # the proposer sent it back themself


def action_for(old_status: str, new_status: str) -> str:
    if new_status == Status.PUBLISHED:
        return Action.APPROVE
    if new_status == Status.ARCHIVED:
        return Action.REJECT if old_status in {Status.PENDING, Status.DRAFT} else Action.ARCHIVE
    if new_status == Status.DRAFT:
        return Action.REQUEST_CHANGES if old_status == Status.PENDING else Action.UNPUBLISH
    return Action.RESUBMIT


def record_decision(
    *, initiative: Initiative, old_status: str, new_status: str, actor, reason: str, **_kwargs
) -> Decision:
    action = action_for(old_status, new_status)
    decision = Decision.objects.create(
        initiative=initiative,
        moderator=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        reason=reason,
    )
    proposal = Proposal.objects.filter(initiative=initiative).first()
    if proposal and new_status == Status.ARCHIVED:
        proposal.revision += 1  # an old revise link must not bring it back
        proposal.save(update_fields=["revision"])
    if action in SILENT:
        return decision
    notified = set()
    if proposal and action in PROPOSER_MAILS:
        PROPOSER_MAILS[action](proposal, reason)
        notified.add(proposal.proposer_email.lower())
    elif proposal:
        send_status_notice(initiative=initiative, to=[proposal.proposer_email], reason=reason)
        notified.add(proposal.proposer_email.lower())
    editors = [e for e in editor_emails(initiative) if e.lower() not in notified]
    if editors:
        send_status_notice(initiative=initiative, to=editors, reason=reason)
    return decision


def send_status_notice(*, initiative: Initiative, to: list[str], reason: str) -> None:
    status = initiative.get_status_display
    mail.send_templated(
        to=to,
        template="moderation/email/status_changed",
        subject=lambda: (
            _("%(name)s is now %(status)s") % {"name": initiative.name, "status": status()}
        ),
        context={
            "initiative": initiative,
            "status": status,
            "reason": reason,
            "url": absolute(initiative.get_absolute_url()),
        },
    )


def connect() -> None:
    status_changed.connect(
        record_decision, sender=Initiative, dispatch_uid="moderation-record-decision"
    )
