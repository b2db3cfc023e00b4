"""A municipality's sustainability strategy as data (Agenda 2030, "Global Nachhaltige Kommune").

Thematic fields → strategic goals → operational goals → measures, each tied to SDGs and their
targets; indicators on goals with values over time; contributions of initiatives, events,
cooperations, working groups and solved needs to measures. Every node keeps its versions
(django-simple-history), like entries. Only what the municipality publishes is public: a node
is public when it and every node above it are published.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation
from mitmachkarte.taxonomy.models import SDG, SDGTarget


class Strategy(models.Model):
    """One strategy per municipality; its nodes hang below it."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="strategy",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    # Demo strategies are invented; pages say so.
    is_demo = models.BooleanField(_("invented demo content"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.title


class Node(models.Model):
    """What every level of the tree has: a code like "3.2", a title, text, a place in order."""

    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Aligned(models.Model):
    """Goals and measures name SDGs and targets (of the 169) and, as free labels, the goals of
    the German and the NRW sustainability strategy they refer to."""

    sdgs = models.ManyToManyField(SDG, blank=True, related_name="+", verbose_name=_("SDGs"))
    targets = models.ManyToManyField(
        SDGTarget, blank=True, related_name="+", verbose_name=_("SDG targets")
    )
    strategy_refs = models.JSONField(
        _("references to the German/NRW sustainability strategy"), default=list, blank=True
    )

    class Meta:
        abstract = True


class ThematicField(Node):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="fields", verbose_name=_("strategy")
    )
    history = HistoricalRecords()

    class Meta(Node.Meta):
        verbose_name = _("thematic field")
        verbose_name_plural = _("thematic fields")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="strategy_field_code")
        ]


class StrategicGoal(Node, Aligned):
    field = models.ForeignKey(
        ThematicField,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("thematic field"),
    )
    history = HistoricalRecords()

    class Meta(Node.Meta):
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")
        constraints = [
            models.UniqueConstraint(fields=["field", "code"], name="strategy_sgoal_code")
        ]


class OperationalGoal(Node, Aligned):
    strategic_goal = models.ForeignKey(
        StrategicGoal,
        on_delete=models.CASCADE,
        related_name="operational_goals",
        verbose_name=_("strategic goal"),
    )
    history = HistoricalRecords()

    class Meta(Node.Meta):
        verbose_name = _("operational goal")
        verbose_name_plural = _("operational goals")
        constraints = [
            models.UniqueConstraint(fields=["strategic_goal", "code"], name="strategy_ogoal_code")
        ]


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    PAUSED = "paused", _("paused")


class Measure(Node, Aligned):
    """A measure belongs to exactly one operational goal."""

    operational_goal = models.ForeignKey(
        OperationalGoal,
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("operational goal"),
    )
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="strategy_measures", verbose_name=_("partners")
    )
    resources = models.TextField(_("resources"), blank=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    history = HistoricalRecords()

    class Meta(Node.Meta):
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(
                fields=["operational_goal", "code"], name="strategy_measure_code"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="strategy_measure_period",
            ),
        ]


class ProgressNote(models.Model):
    """A dated note on a measure's progress; a status change writes one too (its history)."""

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="notes", verbose_name=_("measure")
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("text"), blank=True)
    status_from = models.CharField(
        _("status before"), max_length=10, choices=MeasureStatus.choices, blank=True
    )
    status_to = models.CharField(
        _("status after"), max_length=10, choices=MeasureStatus.choices, blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self) -> str:
        return f"{self.measure.code} {self.date}"
