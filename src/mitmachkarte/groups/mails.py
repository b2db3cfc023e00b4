"""The e-mails of working groups: invitations, join requests, minutes, task reminders.

Plain text from templates/groups/email/, German first, links from settings.SITE_URL,
queued through `core.mail`, one mail per member: members never see each other's addresses.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core import mail
from mitmachkarte.core.links import absolute
from mitmachkarte.events.recurrence import EVENT_TZ

from .models import ActionItem, GroupRole, Invitation, JoinRequest, Meeting


def send_invitation(*, invitation: Invitation, token: str) -> int:
    group = invitation.group
    return mail.send_templated(
        to=[invitation.email],
        template="groups/email/invitation",
        subject=lambda: _("Invitation to the working group %(group)s") % {"group": group.name},
        context={
            "group": group,
            "group_url": absolute(group.get_absolute_url()),
            "accept_url": absolute(reverse("groups:invitation", args=[token])),
        },
    )


def send_join_request(*, request: JoinRequest) -> int:
    group = request.group
    chairs = group.members.filter(role=GroupRole.CHAIR).select_related("user")
    return mail.send_templated(
        to=[c.user.email for c in chairs],
        template="groups/email/join_request",
        subject=lambda: _("Request to join %(group)s") % {"group": group.name},
        context={
            "group": group,
            "request": request,
            "group_url": absolute(group.get_absolute_url()),
        },
    )


def send_minutes(*, meeting: Meeting) -> int:
    group = meeting.group
    members = group.members.select_related("user")
    return mail.send_templated(
        to=[m.user.email for m in members],
        template="groups/email/minutes",
        subject=lambda: (
            _("Minutes: %(group)s, %(day)s")
            % {
                "group": group.name,
                "day": f"{timezone.localtime(meeting.start, EVENT_TZ):%d.%m.%Y}",
            }
        ),
        context={
            "group": group,
            "meeting": meeting,
            "items": meeting.action_items.select_related("owner"),
            "meeting_url": absolute(meeting.get_absolute_url()),
        },
    )


def send_action_item_reminder(*, item: ActionItem) -> int:
    meeting = item.meeting
    return mail.send_templated(
        to=[item.owner.email],
        template="groups/email/action_item_reminder",
        subject=lambda: _("Reminder: task due on %(day)s") % {"day": f"{item.due_date:%d.%m.%Y}"},
        context={
            "item": item,
            "group": meeting.group,
            "meeting_url": absolute(meeting.get_absolute_url()),
        },
    )
