"""Contributions to measures: initiatives, events, cooperations, working groups, solved needs."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitmachkarte.events.models import Event
from mitmachkarte.groups.models import Cooperation, WorkingGroup
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.organisations.models import Organisation
from mitmachkarte.support.models import Need

from .structure import Measure


class ContributionStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    CONFIRMED = "confirmed", _("confirmed")
    DECLINED = "declined", _("declined")


class Contribution(models.Model):
    """Something on the platform that contributes to a measure: exactly one of an initiative,
    an event, a cooperation, a working group or a (solved) need. Linked by the municipality
    (confirmed at once) or proposed by an initiative and confirmed by the municipality."""

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("measure")
    )
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    cooperation = models.ForeignKey(
        Cooperation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ContributionStatus.choices,
        default=ContributionStatus.PROPOSED,
    )
    note = models.TextField(_("note"), blank=True)
    proposed_by = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    KINDS = ("initiative", "event", "cooperation", "working_group", "need")

    class Meta:
        ordering = ["measure", "-created_at"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        initiative__isnull=False,
                        event=None,
                        cooperation=None,
                        working_group=None,
                        need=None,
                    )
                    | Q(
                        initiative=None,
                        event__isnull=False,
                        cooperation=None,
                        working_group=None,
                        need=None,
                    )
                    | Q(
                        initiative=None,
                        event=None,
                        cooperation__isnull=False,
                        working_group=None,
                        need=None,
                    )
                    | Q(
                        initiative=None,
                        event=None,
                        cooperation=None,
                        working_group__isnull=False,
                        need=None,
                    )
                    | Q(
                        initiative=None,
                        event=None,
                        cooperation=None,
                        working_group=None,
                        need__isnull=False,
                    )
                ),
                name="strategy_contribution_one_kind",
            ),
        ] + [
            models.UniqueConstraint(
                fields=["measure", kind],
                condition=Q(**{f"{kind}__isnull": False}),
                name=f"strategy_contribution_{kind}_once",
            )
            for kind in ("initiative", "event", "cooperation", "working_group", "need")
        ]

    def __str__(self) -> str:
        return f"{self.measure.code}: {self.target}"

    @property
    def kind(self) -> str:
        return next(k for k in self.KINDS if getattr(self, f"{k}_id"))

    @property
    def target(self):
        return getattr(self, self.kind)
