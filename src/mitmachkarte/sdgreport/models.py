"""A municipality's sustainability strategy: the SDGs and targets it prioritises."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation
from mitmachkarte.taxonomy.models import SDG, SDGTarget


class StrategyPriority(models.Model):
    """A prioritised goal (target empty) or target of a municipality's strategy."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="strategy_priorities",
        verbose_name=_("municipality"),
    )
    sdg = models.ForeignKey(SDG, on_delete=models.CASCADE, related_name="+", verbose_name=_("SDG"))
    target = models.ForeignKey(
        SDGTarget,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("target"),
    )
    set_by = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["municipality", "sdg", "target__position"]
        verbose_name = _("strategy priority")
        verbose_name_plural = _("strategy priorities")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "sdg"],
                condition=Q(target=None),
                name="strategy_goal_unique",
            ),
            models.UniqueConstraint(
                fields=["municipality", "target"],
                condition=Q(target__isnull=False),
                name="strategy_target_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality}: {self.target.number if self.target_id else self.sdg_id}"
