"""Working groups, their members and meetings, action items, and cooperation records.

A group's regular meetings are events of the events app (type "working group meeting",
with a recurrence rule): `MeetingSeries` links a group to such an event, and `Meeting`
keeps the agenda, minutes and decisions of one of its dates. Minutes outlive a date the
series drops later (the occurrence link is then cleared, the start time stays).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.text_input import normalise_fields, single_line_errors
from mitmachkarte.events.models import Event, Occurrence
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation, OrganisationType
from mitmachkarte.taxonomy.models import SDG


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    MEMBERS = "members", _("members only")


class GroupRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    MEMBER = "member", _("member")


class WorkingGroup(models.Model):
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(max_length=180, unique=True)
    purpose = models.TextField(_("purpose"), blank=True, help_text=_("Markdown"))
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_groups",
        verbose_name=_("municipality"),
    )
    region = models.CharField(
        _("region"),
        max_length=120,
        blank=True,
        help_text=_("For groups of several municipalities."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    sdgs = models.ManyToManyField(
        SDG, related_name="working_groups", blank=True, verbose_name=_("SDG focus")
    )
    organisations = models.ManyToManyField(
        Organisation,
        related_name="working_groups",
        blank=True,
        verbose_name=_("member organisations"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("groups:detail", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        normalise_fields(self, ["purpose"])
        errors = single_line_errors(self, ["name", "region"])
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def place(self) -> str:
        return self.municipality.name if self.municipality_id else self.region


class GroupMember(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="group_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role"), max_length=10, choices=GroupRole.choices, default=GroupRole.MEMBER
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="group_members",
        verbose_name=_("for organisation"),
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["role", "joined_at", "pk"]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="group_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.group} ({self.get_role_display()})"

    @property
    def display_name(self) -> str:
        """Never the e-mail address: the full name, else the user name."""
        from .templatetags.groups_tags import person

        return person(self.user)


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    APPROVED = "approved", _("approved")
    DECLINED = "declined", _("declined")


class JoinRequest(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_join_requests"
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")

    def __str__(self) -> str:
        return f"{self.user} → {self.group} ({self.get_status_display()})"


class Invitation(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.group}: {self.email}"


class MeetingSeries(models.Model):
    """A group's meetings: one event (usually recurring) of the events app."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="meeting_series")
    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="working_group_series"
    )

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self) -> str:
        return f"{self.group}: {self.event}"


class Meeting(models.Model):
    """Agenda, minutes and decisions of one date of a group's meeting series."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="meetings")
    occurrence = models.OneToOneField(
        Occurrence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_group_meeting",
    )
    start = models.DateTimeField(_("start"))
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("Markdown"))
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Markdown"))
    decisions = models.TextField(_("decisions"), blank=True, help_text=_("Markdown"))
    minutes_sent_at = models.DateTimeField(_("minutes sent"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.group} – {timezone.localtime(self.start):%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("groups:meeting", args=[self.group.slug, self.pk])


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")


class ActionItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    title = models.CharField(_("task"), max_length=240)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="action_items",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [models.Index(fields=["status", "due_date"], name="action_item_status_due")]

    def __str__(self) -> str:
        return self.title


class CooperationType(models.TextChoices):
    FUNDING = "funding", _("funding")
    ROOM = "room", _("room provision")
    JOINT_EVENT = "joint_event", _("joint event")
    PERMIT = "permit", _("permit support")
    WORKING_GROUP = "working_group", _("working-group membership")
    PUBLICITY = "publicity", _("publicity")
    OTHER = "other", _("other")


class CooperationStatus(models.TextChoices):
    PENDING = "pending", _("awaiting confirmation")
    CONFIRMED = "confirmed", _("confirmed")


# The side of a cooperation that is not the initiative.
PARTNER_TYPES = (OrganisationType.MUNICIPALITY, OrganisationType.ADVICE_CENTRE)


class Cooperation(models.Model):
    """A cooperation between a municipality or advice centre (`partner`) and an initiative,
    entered by one side (`recorded_for`) and confirmed by a member of the other."""

    partner = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="cooperations_as_partner",
        verbose_name=_("municipality or advice centre"),
    )
    initiative_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="cooperations_as_initiative",
        verbose_name=_("initiative"),
    )
    # The municipality whose network and report show it (kept at recording time).
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="cooperations",
        verbose_name=_("municipality"),
    )
    type = models.CharField(_("type"), max_length=20, choices=CooperationType.choices)
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    working_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperations",
        verbose_name=_("working group"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CooperationStatus.choices,
        default=CooperationStatus.PENDING,
    )
    recorded_for = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("entered by organisation"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-since", "pk"]
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        indexes = [models.Index(fields=["municipality", "status"], name="cooperation_muni_status")]

    def __str__(self) -> str:
        return f"{self.partner} ↔ {self.initiative_organisation} ({self.get_type_display()})"

    @property
    def other_side(self) -> Organisation:
        """The organisation that has to confirm."""
        if self.recorded_for_id == self.partner_id:
            return self.initiative_organisation
        return self.partner
