"""Keeping entries true: claims, suggestions, the entry history and freshness reminders.

The history of Initiative (django-simple-history) is registered here so that its tables and
migrations belong to this app; the initiatives app stays unaware of it. A deleted user leaves
the history in place (history_user becomes NULL).
"""

import simple_history
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitmachkarte.initiatives.models import Initiative

# Fields of Initiative that are only derived or bookkeeping: not worth a version of their own.
HISTORY_EXCLUDED = ["search_text", "search_name", "updated_at", "published_at"]
HISTORY_M2M = ["categories", "sdgs", "tags"]

simple_history.register(
    Initiative,
    app="mitmachkarte.stewardship",
    m2m_fields=HISTORY_M2M,
    excluded_fields=HISTORY_EXCLUDED,
    user_related_name="+",
)


class Claim(models.Model):
    """A request of a user to become owner of an entry, proven by the entry's contact e-mail."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="claims", verbose_name=_("initiative")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("user"),
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")

    def __str__(self) -> str:
        return f"{self.user} → {self.initiative}"


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class Suggestion(models.Model):
    """Changes to an entry proposed by someone who may not edit it, for review."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="suggestions",
        verbose_name=_("initiative"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        verbose_name=_("author"),
    )
    # {field name: new value}; m2m fields as lists (category slugs, SDG numbers, tag names).
    changes = models.JSONField(_("changes"), default=dict)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.PENDING,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True, max_length=2000)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        indexes = [models.Index(fields=["status", "initiative"], name="suggestion_status_init")]

    def __str__(self) -> str:
        return f"{self.initiative} ({self.get_status_display()})"


class FreshnessReminder(models.Model):
    """One "Is this still right?" mail per entry and year (makes the task idempotent)."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="freshness_reminders",
        verbose_name=_("initiative"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)
    to_contact = models.BooleanField(_("sent to the contact e-mail"), default=False)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("freshness reminder")
        verbose_name_plural = _("freshness reminders")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "year"], name="freshness_one_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.initiative} {self.year}"
