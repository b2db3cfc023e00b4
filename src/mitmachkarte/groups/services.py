"""Writes for working groups, members, meetings and action items (cooperations.py: the
cooperation records).

Keyword-only functions, one transaction each; they enforce the rules and raise
ValidationError (bad data) or PermissionDenied (wrong person) with a clear message, and
change nothing then. Meetings reuse the events app: no second calendar.
"""

from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.concurrency import check_model
from mitmachkarte.core.slugs import unique_slug
from mitmachkarte.core.text_input import normalise_multiline, one_line
from mitmachkarte.events import services as event_services
from mitmachkarte.events.models import Event, EventStatus, EventType, Occurrence
from mitmachkarte.events.recurrence import local
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation

from . import mails, tokens
from . import rules as permissions
from .models import (
    ActionItem,
    ActionStatus,
    GroupMember,
    GroupRole,
    Invitation,
    JoinRequest,
    Meeting,
    MeetingSeries,
    RequestStatus,
    Visibility,
    WorkingGroup,
)


def _require_manager(user, group: WorkingGroup) -> None:
    if not permissions.can_manage_group(user, group):
        raise PermissionDenied(_("Only a chair of the working group may do this."))


# --- groups and members ----------------------------------------------------------------


@transaction.atomic
def create_group(
    *,
    name: str,
    created_by,
    purpose: str = "",
    municipality: Municipality | None = None,
    region: str = "",
    visibility: str = Visibility.PUBLIC,
    sdgs: Iterable[int] = (),
    organisations: Iterable[Organisation] = (),
    slug: str = "",
) -> WorkingGroup:
    """A new group whose creator is its first chair."""
    name = one_line(name)
    if not name:
        raise ValidationError({"name": _("A working group needs a name.")})
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": _("Unknown visibility.")})
    if municipality is None and not region.strip():
        raise ValidationError({"region": _("Give a municipality or a region.")})
    group = WorkingGroup(
        name=name,
        slug=slug or unique_slug(name, taken=WorkingGroup.objects, default="arbeitsgruppe"),
        purpose=purpose,
        municipality=municipality,
        region=region.strip(),
        visibility=visibility,
    )
    group.full_clean()
    group.save()
    group.sdgs.set(list(sdgs))
    group.organisations.set(list(organisations))
    GroupMember.objects.create(group=group, user=created_by, role=GroupRole.CHAIR)
    return group


@transaction.atomic
def add_member(
    *,
    group: WorkingGroup,
    user,
    role: str = GroupRole.MEMBER,
    organisation: Organisation | None = None,
) -> GroupMember:
    """Make `user` a member (an existing member gets the new role)."""
    if role not in GroupRole.values:
        raise ValidationError({"role": _("Unknown role.")})
    if organisation is not None and not permissions.belongs_to(user, organisation):
        raise ValidationError(
            {"organisation": _("The person is not a member of this organisation.")}
        )
    member, created = GroupMember.objects.get_or_create(
        group=group, user=user, defaults={"role": role, "organisation": organisation}
    )
    if not created and (member.role, member.organisation) != (role, organisation):
        member.role = role
        member.organisation = organisation or member.organisation
        member.save(update_fields=["role", "organisation"])
    if organisation is not None:
        group.organisations.add(organisation)
    return member


@transaction.atomic
def invite(*, group: WorkingGroup, email: str, by) -> Invitation:
    """Send an invitation link (signed, valid 14 days) to an e-mail address."""
    _require_manager(by, group)
    email = (email or "").strip()
    from django.core.validators import validate_email

    try:
        validate_email(email)
    except ValidationError as exc:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from exc
    invitation = Invitation.objects.create(group=group, email=email, invited_by=by)
    token = tokens.make_token(invitation_id=invitation.pk, email=email)
    mails.send_invitation(invitation=invitation, token=token)
    return invitation


def invitation_from_token(token: str) -> Invitation:
    """The open invitation of a link; ValidationError for a broken, expired or used one."""
    try:
        invitation_id, digest = tokens.read_token(token)
    except tokens.TokenError as exc:
        raise ValidationError(_("This invitation link is invalid or has expired.")) from exc
    invitation = Invitation.objects.select_related("group").filter(pk=invitation_id).first()
    if invitation is None or not tokens.matches(invitation.email, digest):
        raise ValidationError(_("This invitation link is invalid or has expired."))
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, user) -> GroupMember:
    """The logged-in person joins; the link works once and only for the invited address."""
    invitation = invitation_from_token(token)
    from allauth.account.models import EmailAddress

    own = {user.email.lower()} | {
        e.lower()
        for e in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }
    if invitation.email.lower() not in own:
        raise PermissionDenied(_("This invitation was sent to another e-mail address."))
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now(), accepted_by=user)
    existing = GroupMember.objects.filter(group=invitation.group, user=user).first()
    return existing or GroupMember.objects.create(group=invitation.group, user=user)


@transaction.atomic
def request_to_join(*, group: WorkingGroup, user, message: str = "") -> JoinRequest:
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Please log in to ask to join."))
    if permissions.is_member(user, group):
        raise ValidationError(_("You are already a member of this working group."))
    pending = JoinRequest.objects.filter(
        group=group, user=user, status=RequestStatus.PENDING
    ).first()
    if pending:
        return pending
    request = JoinRequest.objects.create(group=group, user=user, message=message[:2000])
    mails.send_join_request(request=request)
    return request


@transaction.atomic
def decide_join_request(*, join_request: JoinRequest, by, approve: bool) -> JoinRequest:
    _require_manager(by, join_request.group)
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != RequestStatus.PENDING:
        raise ValidationError(_("This request has already been decided."))
    join_request.status = RequestStatus.APPROVED if approve else RequestStatus.DECLINED
    join_request.decided_by, join_request.decided_at = by, timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    if approve:
        GroupMember.objects.get_or_create(group=join_request.group, user=join_request.user)
    return join_request


# --- meetings ---------------------------------------------------------------------------


def _meeting_event_status(group: WorkingGroup) -> str:
    # A members-only group's dates stay out of the public calendar (events lists only
    # published events); run_group_tasks keeps their rolling window up to date.
    return EventStatus.PUBLISHED if group.is_public else EventStatus.PENDING


@transaction.atomic
def schedule_meetings(
    *,
    group: WorkingGroup,
    by,
    start: datetime,
    end: datetime,
    recurrence: str = "",
    title: str = "",
    now: datetime | None = None,
    **event_fields,
) -> MeetingSeries:
    """A (usually recurring) series of meetings: an event of type working group meeting."""
    _require_manager(by, group)
    event_fields.setdefault("venue_name", "")
    if not any(event_fields.get(k) for k in ("online_url", "city", "venue_name", "street")):
        raise ValidationError({"city": _("Give a venue or an online meeting link.")})
    event = event_services.create_event(
        title=title or _("Meeting: %(group)s") % {"group": group.name},
        event_type=EventType.WORKING_GROUP,
        start=start,
        end=end,
        recurrence=recurrence,
        organiser_name=group.name,
        status=_meeting_event_status(group),
        municipalities=[group.municipality] if group.municipality_id else [],
        sdgs=list(group.sdgs.values_list("number", flat=True)),
        now=now,
        **event_fields,
    )
    if event.status != EventStatus.PUBLISHED:
        event_services.sync_occurrences(event=event, now=now)
    return MeetingSeries.objects.create(group=group, event=event)


def extend_private_series(*, now: datetime | None = None) -> int:
    """Roll the window of members-only groups' series (events only rolls published ones)."""
    count = 0
    for event in (
        Event.objects.filter(working_group_series__isnull=False)
        .exclude(status=EventStatus.PUBLISHED)
        .exclude(recurrence="")
    ):
        event_services.sync_occurrences(event=event, now=now)
        count += 1
    return count


@transaction.atomic
def meeting_for(*, occurrence: Occurrence) -> Meeting:
    """The notes record of one date of a group's series (created when first needed)."""
    series = (
        MeetingSeries.objects.select_related("group").filter(event_id=occurrence.event_id).first()
    )
    if series is None:
        raise ValidationError(_("This date is not a working group meeting."))
    meeting, _created = Meeting.objects.get_or_create(
        occurrence=occurrence, defaults={"group": series.group, "start": occurrence.start}
    )
    return meeting


@transaction.atomic
def save_notes(
    *,
    meeting: Meeting,
    by,
    agenda: str | None = None,
    minutes: str | None = None,
    decisions: str | None = None,
    expected_version: str | None = None,
) -> Meeting:
    """Save agenda, minutes and decisions (those given). `expected_version`: the notes
    form's token; another chair's save in between is refused (core.concurrency)."""
    _require_manager(by, meeting.group)
    fields = {
        name: None if text is None else normalise_multiline(text)
        for name, text in {"agenda": agenda, "minutes": minutes, "decisions": decisions}.items()
    }
    changed = [name for name, value in fields.items() if value is not None]
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    check_model(meeting, expected_version, covering=changed)
    for name in changed:
        if len(fields[name]) > 50_000:
            raise ValidationError({name: _("At most 50,000 characters.")})
        setattr(meeting, name, fields[name])
    if changed:
        meeting.save(update_fields=[*changed, "updated_at"])
    return meeting


@transaction.atomic
def send_minutes(*, meeting: Meeting, by) -> None:
    """Mail the minutes to every member (a background task)."""
    _require_manager(by, meeting.group)
    meeting.refresh_from_db(fields=["minutes"])  # what the task sends is what is stored
    if not meeting.minutes.strip():
        raise ValidationError({"minutes": _("Write the minutes before sending them.")})
    from .tasks import send_meeting_minutes

    send_meeting_minutes.enqueue(meeting.pk)


def meeting_day(meeting: Meeting) -> date:
    return local(meeting.start).date()


@transaction.atomic
def add_action_item(*, meeting: Meeting, by, title: str, owner, due_date: date) -> ActionItem:
    _require_manager(by, meeting.group)
    title = " ".join((title or "").split())
    errors = {}
    if not title:
        errors["title"] = [_("Describe the task.")]
    if not isinstance(due_date, date):
        errors["due_date"] = [_("Give a due date.")]
    elif due_date < meeting_day(meeting):
        errors["due_date"] = [
            _("The due date must not be before the meeting (%(day)s).")
            % {"day": f"{meeting_day(meeting):%d.%m.%Y}"}
        ]
    if owner is None or not permissions.is_member(owner, meeting.group):
        errors["owner"] = [_("The owner must be a member of the working group.")]
    if errors:
        raise ValidationError(errors)
    return ActionItem.objects.create(
        meeting=meeting, title=title[:240], owner=owner, due_date=due_date
    )


@transaction.atomic
def set_action_item_status(
    *, item: ActionItem, by, status: str, expected_version: str | None = None
) -> ActionItem:
    """`expected_version`: the token of the status the page showed (core.concurrency)."""
    if not (by == item.owner or permissions.can_manage_group(by, item.meeting.group)):
        raise PermissionDenied(_("Only the owner or a chair may change this task."))
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    check_model(item, expected_version, covering=["status"])
    item.status = status
    item.save(update_fields=["status"])
    return item


REMINDER_DAYS = 2


def send_action_item_reminders(*, today: date | None = None) -> int:
    """One reminder per open task due within the next two days (run by run_group_tasks)."""
    today = today or timezone.localdate()
    due = (
        ActionItem.objects.filter(
            reminder_sent_at=None,
            owner__isnull=False,
            due_date__gte=today,
            due_date__lte=today + timezone.timedelta(days=REMINDER_DAYS),
        )
        .exclude(status=ActionStatus.DONE)
        .select_related("owner", "meeting__group")
    )
    sent = 0
    for item in due:
        with transaction.atomic():
            claimed = ActionItem.objects.filter(pk=item.pk, reminder_sent_at=None).update(
                reminder_sent_at=timezone.now()
            )
            if claimed:
                mails.send_action_item_reminder(item=item)
                sent += 1
    return sent
