"""The progress report for the council (reads only): for a period, per thematic field the
measures with their status, the status changes and progress notes of the period, the
indicators with their values up to the period's end, and the confirmed contributors.

Members see unpublished parts too (marked); everyone else only what is published.
"""

from dataclasses import dataclass, field, replace
from datetime import date

from .assessment import assess_indicator
from .chart import chart_of
from .models import ProgressNote, Strategy
from .selectors import TreeNode, tree, walk


@dataclass
class Period:
    start: date
    end: date


def last_calendar_year(today: date) -> Period:
    return Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))


@dataclass
class FieldReport:
    node: TreeNode
    measures: list[TreeNode] = field(default_factory=list)
    indicators: list = field(default_factory=list)  # (goal node, IndicatorView, values in period)
    notes: dict = field(default_factory=dict)  # measure pk → notes in the period


def progress_report(strategy: Strategy, period: Period, *, members: bool) -> list[FieldReport]:
    fields = tree(strategy, members=members)
    measure_ids = [n.node.pk for n in walk(fields) if type(n.node).__name__ == "Measure"]
    notes: dict[int, list[ProgressNote]] = {}
    for note in ProgressNote.objects.filter(
        measure_id__in=measure_ids, date__gte=period.start, date__lte=period.end
    ).order_by("date", "created_at"):
        notes.setdefault(note.measure_id, []).append(note)
    result = []
    for f in fields:
        report = FieldReport(f)
        for item in walk(f.children):
            if type(item.node).__name__ == "Measure":
                report.measures.append(item)
                report.notes[item.node.pk] = notes.get(item.node.pk, [])
            for view in item.indicators:
                # The report stands as of the period's end: later values are left out of
                # the verdict and the chart alike.
                upto = [v for v in view.values if v.date <= period.end]
                assessment = assess_indicator(view.indicator, upto)
                as_of_end = replace(
                    view, values=upto, assessment=assessment, chart=chart_of(view.indicator, upto)
                )
                in_period = [v for v in upto if v.date >= period.start]
                report.indicators.append((item, as_of_end, in_period, assessment))
        result.append(report)
    return result


def csv_rows(reports: list[FieldReport], period: Period) -> list[list]:
    """One row per measure and one per indicator (`kind`), for spreadsheets."""
    rows = [
        [
            "kind",
            "field",
            "code",
            "title",
            "status",
            "status_changes",
            "progress_notes",
            "contributors",
            "unit",
            "baseline",
            "target",
            "values_in_period",
            "assessment",
        ]
    ]
    for report in reports:
        fcode = report.node.node.code
        for item in report.measures:
            measure = item.node
            found = report.notes[measure.pk]
            rows.append(
                [
                    "measure",
                    fcode,
                    measure.code,
                    measure.title,
                    measure.status,
                    " | ".join(
                        f"{n.date}: {n.status_from} → {n.status_to}" for n in found if n.status_to
                    ),
                    " | ".join(f"{n.date}: {n.text}" for n in found if n.text),
                    " | ".join(c.name for c in item.contributors),
                    "", "", "", "", "",
                ]
            )  # fmt: skip
        for goal, view, values, assessment in report.indicators:
            ind = view.indicator
            rows.append(
                [
                    "indicator",
                    fcode,
                    goal.node.code,
                    ind.name,
                    "", "", "", "",
                    ind.unit,
                    f"{ind.baseline_value.normalize():f} ({ind.baseline_year})",
                    f"{ind.target_value.normalize():f} ({ind.target_year})",
                    " | ".join(f"{v.date}: {v.value.normalize():f}" for v in values),
                    assessment.status,
                ]
            )  # fmt: skip
    return rows
