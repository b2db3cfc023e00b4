"""Reads for entry care: stale entries, suggestions to review, history, account data."""

from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from mitmachkarte.initiatives.models import OUTDATED_AFTER, Initiative, Status
from mitmachkarte.organisations.models import Membership, OrganisationType
from mitmachkarte.organisations.rules import is_network_team, municipalities_moderated_by

from .models import Suggestion, SuggestionStatus


def stale_initiatives(*, user, now: datetime | None = None) -> QuerySet[Initiative]:
    """Published entries unconfirmed for 18 months that `user` moderates, oldest first.

    The network team sees all of them, municipal moderators those in their municipalities,
    everyone else none.
    """
    now = now or timezone.now()
    qs = Initiative.objects.filter(
        status=Status.PUBLISHED, last_confirmed_at__lt=now - OUTDATED_AFTER
    )
    if not is_network_team(user):
        qs = qs.filter(municipality__in=municipalities_moderated_by(user))
    return qs.select_related("municipality").order_by("last_confirmed_at", "pk")


def reviewable_suggestions(*, user) -> QuerySet[Suggestion]:
    """Pending suggestions for entries the user edits or moderates."""
    pending = Suggestion.objects.filter(status=SuggestionStatus.PENDING)
    if not getattr(user, "is_authenticated", False):
        return pending.none()
    if not is_network_team(user):
        edited = Membership.objects.filter(
            user=user,
            organisation__type=OrganisationType.INITIATIVE,
        ).values("organisation__initiative")
        pending = pending.filter(
            Q(initiative__in=edited)
            | Q(initiative__municipality__in=municipalities_moderated_by(user))
        )
    return pending.select_related("initiative", "author").order_by("created_at", "pk")


def own_suggestions(*, user) -> QuerySet[Suggestion]:
    if not getattr(user, "is_authenticated", False):
        return Suggestion.objects.none()
    return (
        Suggestion.objects.filter(author=user).select_related("initiative").order_by("-created_at")
    )


def versions(initiative: Initiative):
    """The entry's versions, newest first, with the acting user."""
    return initiative.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )


def account_data(user) -> dict:
    """Everything stored about the account, for the GDPR download (JSON-serialisable)."""
    from allauth.account.models import EmailAddress

    from mitmachkarte.events.models import Registration

    emails = list(EmailAddress.objects.filter(user=user).values("email", "verified", "primary"))
    addresses = {user.email.lower(), *(e["email"].lower() for e in emails)} - {""}
    match = Q(pk__in=[])
    for address in addresses:
        match |= Q(email__iexact=address)
    registrations = Registration.objects.filter(match).select_related("occurrence__event")
    return {
        "user": {
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": emails,
        "memberships": [
            {
                "organisation": m.organisation.name,
                "type": m.organisation.type,
                "role": m.role,
                "since": m.created_at.isoformat(),
            }
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "suggestions": [
            {
                "initiative": s.initiative.name,
                "changes": s.changes,
                "comment": s.comment,
                "status": s.status,
                "created_at": s.created_at.isoformat(),
                "reason": s.reason,
            }
            for s in own_suggestions(user=user)
        ],
        "claims": [
            {
                "initiative": c.initiative.name,
                "requested_at": c.requested_at.isoformat(),
                "used_at": c.used_at.isoformat() if c.used_at else None,
            }
            for c in user.claims.select_related("initiative")
        ],
        "versions_edited": user_history_count(user),
        "event_registrations": [
            {
                "event": r.occurrence.event.title,
                "start": r.occurrence.start.isoformat(),
                "name": r.name,
                "email": r.email,
                "status": r.status,
                "created_at": r.created_at.isoformat(),
            }
            for r in registrations
        ],
    }


def user_history_count(user) -> int:
    return Initiative.history.filter(history_user=user).count()
