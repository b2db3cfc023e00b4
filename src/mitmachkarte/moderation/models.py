"""Proposals without an account, moderation decisions and problem reports.

Personal data is kept to what the workflow needs: the proposer's name and e-mail (to tell
them the decision), a reporter's optional e-mail, and no IP address — only a salted hash
that lets moderators see that several proposals came from one place.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.text_input import single_line_errors
from mitmachkarte.initiatives.models import Initiative


class Proposal(models.Model):
    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="proposal", verbose_name=_("initiative")
    )
    proposer_name = models.CharField(_("proposer name"), max_length=120)
    proposer_email = models.EmailField(_("proposer e-mail"))
    ip_hash = models.CharField(_("hashed IP address"), max_length=32, blank=True)
    consent_at = models.DateTimeField(_("consent given"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    # Counts change requests; a revise link carries it, so an older link stops working.
    revision = models.PositiveIntegerField(_("revision"), default=0)
    resubmitted_at = models.DateTimeField(_("resubmitted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self) -> str:
        return str(self.initiative)

    def clean(self) -> None:
        super().clean()
        errors = single_line_errors(self, ["proposer_name"])
        if errors:
            raise ValidationError(errors)


class Action(models.TextChoices):
    APPROVE = "approve", _("approved")
    REJECT = "reject", _("rejected")
    REQUEST_CHANGES = "request_changes", _("changes requested")
    RESUBMIT = "resubmit", _("resubmitted by the proposer")
    RESOLVE_REPORT = "resolve_report", _("report resolved")
    ARCHIVE = "archive", _("archived")
    UNPUBLISH = "unpublish", _("set back to draft")


class Decision(models.Model):
    """One logged moderation step: who did what to which entry, when and why."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("initiative")
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_decisions",
        verbose_name=_("moderator"),
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    reason = models.TextField(_("reason / note"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.initiative} – {self.get_action_display()}"


class ReportKind(models.TextChoices):
    CLOSED = "closed", _("It no longer exists / has closed")
    WRONG_DATA = "wrong_data", _("Wrong or outdated information")
    INAPPROPRIATE = "inappropriate", _("Inappropriate content")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("open")
    RESOLVED = "resolved", _("resolved")
    ARCHIVED = "archived", _("entry archived")


class ProblemReport(models.Model):
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="problem_reports",
        verbose_name=_("initiative"),
    )
    kind = models.CharField(_("problem"), max_length=20, choices=ReportKind.choices)
    message = models.TextField(_("message"), blank=True)
    reporter_email = models.EmailField(_("reporter e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )
    resolution_note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        indexes = [models.Index(fields=["status", "created_at"], name="report_status_created")]

    def __str__(self) -> str:
        return f"{self.initiative} – {self.get_kind_display()}"
