"""Results of a survey: counts and shares per question, breakdowns, small-cell suppression.

Computed in Python from three flat queries (responses, answers, chosen choices), so the
same code serves the whole survey, a municipality's territory and every breakdown.
A breakdown group (or a territory) with fewer than MIN_CELL responses is always suppressed.
Where respondents must not be recognisable to the viewer (municipal view, anonymous
surveys) every answer counted 1 to MIN_CELL - 1 times is hidden too; for single answers one
more cell is hidden when only one is, so the total does not give it away. Number questions
there show count, mean and median from MIN_CELL answers on, never minimum and maximum: those
are always one respondent's own value (the one large association in a small town).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median

from django.utils.translation import gettext as _

from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.models import Category

from .models import Answer, QuestionType, Response, ResponseStatus, Survey
from .regions import REGIONS
from .selectors import ordered_questions

MIN_CELL = 5
OTHER = "other"
DIMENSIONS = ("municipality", "region", "category")
SINGLE_ANSWER = {QuestionType.SINGLE, QuestionType.YES_NO, QuestionType.SCALE}


@dataclass
class Cell:
    key: str
    label: str
    count: int = 0
    suppressed: bool = False
    share: float = 0.0

    @property
    def percent(self) -> int:
        return round(self.share * 100)


@dataclass
class QuestionResult:
    question: object
    answered: int = 0
    cells: list[Cell] = field(default_factory=list)
    suppressed: bool = False
    stats: dict | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class Group:
    key: str
    label: str
    answered: int
    cells: list[Cell]
    suppressed: bool


@dataclass
class Data:
    """The submitted responses in scope with their answers, flattened."""

    dims: dict[int, dict]
    answers: dict[int, dict[int, dict]]  # question id → response id → answer fields

    @property
    def count(self) -> int:
        return len(self.dims)


def responses_in_scope(survey: Survey, municipalities=None):
    qs = Response.objects.filter(survey=survey, status=ResponseStatus.SUBMITTED)
    if municipalities is not None:
        qs = qs.filter(municipality__in=list(municipalities))
    return qs


def load(survey: Survey, municipalities=None) -> Data:
    responses = responses_in_scope(survey, municipalities)
    dims = {
        r["pk"]: r
        for r in responses.values(
            "pk", "municipality_id", "region", "category_id", "organisation_id"
        )
    }
    rows = Answer.objects.filter(response__in=responses).values(
        "pk", "response_id", "question_id", "number", "other_text", "text"
    )
    chosen = defaultdict(set)
    for answer_id, key in Answer.choices.through.objects.filter(
        answer__response__in=responses
    ).values_list("answer_id", "choice__key"):
        chosen[answer_id].add(key)
    answers: dict[int, dict[int, dict]] = defaultdict(dict)
    for row in rows:
        row["keys"] = chosen.get(row["pk"], set())
        if row["other_text"]:
            row["keys"] = row["keys"] | {OTHER}
        answers[row["question_id"]][row["response_id"]] = row
    return Data(dims=dims, answers=answers)


def options(question) -> list[tuple[str, str]]:
    if question.has_choices:
        opts = [(c.key, c.label) for c in question.choices.all()]
        if question.allow_other:
            opts.append((OTHER, _("other")))
        return opts
    if question.type == QuestionType.SCALE:
        labels = {1: question.low_label, 5: question.high_label}
        return [(str(n), f"{n} – {labels[n]}" if labels.get(n) else str(n)) for n in range(1, 6)]
    return []


def _keys_of(question, row) -> set[str]:
    if question.type == QuestionType.SCALE:
        return {str(int(row["number"]))} if row["number"] is not None else set()
    return row["keys"]


def count_cells(question, rows) -> tuple[int, list[Cell]]:
    counts = Counter()
    for row in rows:
        counts.update(_keys_of(question, row))
    answered = len(rows)
    cells = [
        Cell(key=k, label=label, count=counts[k], share=(counts[k] / answered) if answered else 0.0)
        for k, label in options(question)
    ]
    return answered, cells


def suppress(question, answered: int, cells: list[Cell], *, strict: bool = True) -> bool:
    """Hide small cells in place; True when the whole group is too small to show.

    A group under MIN_CELL responses is always hidden; `strict` also hides the answers
    that 1 to MIN_CELL - 1 respondents gave (municipal view, anonymous surveys).
    """
    if answered < MIN_CELL:
        for cell in cells:
            cell.suppressed, cell.count, cell.share = True, 0, 0.0
        return True
    if not strict:
        return False
    hidden = [c for c in cells if 0 < c.count < MIN_CELL]
    if len(hidden) == 1 and question.type in SINGLE_ANSWER:
        others = sorted((c for c in cells if c.count and c is not hidden[0]), key=lambda c: c.count)
        hidden += others[:1]
    for cell in hidden:
        cell.suppressed, cell.count, cell.share = True, 0, 0.0
    return False


def _stats(values, *, protect: bool) -> dict | None:
    """n, mean and median; min and max only where respondents may be recognisable anyway."""
    if not values:
        return None
    values = sorted(float(v) for v in values)
    stats = {"n": len(values), "mean": round(sum(values) / len(values), 1)}
    stats["median"] = median(values)
    if not protect:
        stats["min"], stats["max"] = values[0], values[-1]
    return stats


def question_results(
    survey: Survey,
    *,
    municipalities=None,
    protect: bool = False,
    with_texts: bool = True,
    data: Data | None = None,
) -> list[QuestionResult]:
    """One result per question; `protect` applies small-cell suppression, `with_texts` lists
    free texts (never in a municipality's view)."""
    data = data or load(survey, municipalities)
    results = []
    for q in ordered_questions(survey):
        rows = list(data.answers.get(q.pk, {}).values())
        result = QuestionResult(question=q, answered=len(rows))
        if q.has_choices or q.type == QuestionType.SCALE:
            result.answered, result.cells = count_cells(q, rows)
            if protect:
                result.suppressed = suppress(q, result.answered, result.cells)
        elif q.type == QuestionType.NUMBER:
            small = protect and len(rows) < MIN_CELL
            result.suppressed = small
            numbers = [r["number"] for r in rows if r["number"] is not None]
            result.stats = None if small else _stats(numbers, protect=protect)
        elif with_texts:
            result.texts = [r["text"] for r in rows if r["text"]]
        if q.has_choices and q.allow_other and with_texts:
            result.texts = [r["other_text"] for r in rows if r["other_text"]]
        results.append(result)
    return results


def _labels(dimension: str, keys) -> dict:
    if dimension == "municipality":
        return dict(Municipality.objects.filter(pk__in=keys).values_list("pk", "name"))
    if dimension == "category":
        return {c.pk: c.name for c in Category.objects.filter(pk__in=keys)}
    return {k: f"{REGIONS[k]} ({k})" for k in keys if k in REGIONS}


def breakdown(
    survey: Survey,
    question,
    dimension: str,
    *,
    municipalities=None,
    data: Data | None = None,
    strict: bool = True,
) -> list[Group]:
    """Counts of `question` per municipality, region or category; small groups suppressed.

    `strict` (see `suppress`) also hides small answer counts inside a shown group.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    data = data or load(survey, municipalities)
    field_name = {"municipality": "municipality_id", "region": "region", "category": "category_id"}[
        dimension
    ]
    grouped = defaultdict(list)
    for response_id, row in data.answers.get(question.pk, {}).items():
        grouped[data.dims[response_id][field_name] or None].append(row)
    labels = _labels(dimension, [k for k in grouped if k is not None])
    groups = []
    for key, rows in grouped.items():
        answered, cells = count_cells(question, rows)
        hidden = suppress(question, answered, cells, strict=strict)
        label = labels.get(key) or _("not known")
        groups.append(
            Group(
                key=str(key or ""),
                label=label,
                answered=0 if hidden else answered,
                cells=cells,
                suppressed=hidden,
            )
        )
    groups.sort(key=lambda g: (g.suppressed, g.key == "", g.label))
    return groups
