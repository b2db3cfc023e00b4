"""Reads: questions in order, visibility by conditions, one's own answers, support wishes.

Results (counts, shares, breakdowns) are in results.py.
"""

from django.db.models import QuerySet
from django.utils import timezone

from mitmachkarte.organisations.rules import is_network_team, municipalities_moderated_by

from .models import QuestionType, Response, ResponseStatus, Survey
from .template_spec import SUPPORT_KEYS

SUPPORT_QUESTION = "support_wanted"


def ordered_questions(survey: Survey) -> list:
    """All questions of a survey in answering order (section, then position)."""
    return list(
        survey.questions.select_related("section", "condition_question")
        .prefetch_related("choices")
        .order_by("section__position", "section_id", "position", "pk")
    )


def answer_keys(response: Response) -> dict[int, set[str]]:
    """{question id: the keys a condition can test}: choice keys, "1"–"5" for a scale."""
    keys: dict[int, set[str]] = {}
    for answer in response.answers.select_related("question").prefetch_related("choices"):
        if answer.question.type == QuestionType.SCALE and answer.number is not None:
            keys[answer.question_id] = {str(int(answer.number))}
        else:
            keys[answer.question_id] = {c.key for c in answer.choices.all()}
    return keys


def visible_ids(questions, keys: dict[int, set[str]]) -> set[int]:
    """Ids of the questions shown for these answers (a hidden question hides its dependants)."""
    shown = set()
    for q in questions:  # in order, so a condition's question is decided first
        cond = q.condition_question_id
        if cond is None or (cond in shown and keys.get(cond, set()) & set(q.condition_values)):
            shown.add(q.pk)
    return shown


def own_summary(response: Response) -> list[dict]:
    """The respondent's answers, question by question, for the thank-you page."""
    questions = ordered_questions(response.survey)
    shown = visible_ids(questions, answer_keys(response))
    answers = {a.question_id: a for a in response.answers.prefetch_related("choices")}
    rows = []
    for q in questions:
        if q.pk not in shown:
            continue
        rows.append(
            {"question": q, "section": q.section, "display": display_answer(q, answers.get(q.pk))}
        )
    return rows


def display_answer(question, answer) -> str:
    if answer is None:
        return ""
    if question.has_choices:
        labels = [c.label for c in answer.choices.all()]
        if answer.other_text:
            labels.append(answer.other_text)
        return ", ".join(labels)
    if answer.number is not None:
        value = answer.number
        text = format(value.normalize(), "f") if value == value.to_integral() else str(value)
        return text
    return answer.text


def support_wishes(response: Response) -> list[str]:
    """Stable keys of the support a respondent asked for (room, permit, funding, …).

    For "Into action": the support exchange turns them into needs. Empty for responses
    without the template's `support_wanted` question or with no wish picked.
    """
    answer = response.answers.filter(question__key=SUPPORT_QUESTION).first()
    if answer is None:
        return []
    picked = set(answer.choices.values_list("key", flat=True))
    return [key for key in SUPPORT_KEYS if key in picked] + sorted(picked - set(SUPPORT_KEYS))


def managed_surveys() -> QuerySet[Survey]:
    return Survey.objects.filter(is_template=False).order_by("-created_at")


def templates() -> QuerySet[Survey]:
    return Survey.objects.filter(is_template=True).order_by("title_de")


def territory_of(user, municipality=None):
    """The municipalities whose aggregated results `user` sees; None means all."""
    if is_network_team(user):
        return None if municipality is None else [municipality]
    mine = municipalities_moderated_by(user)
    if municipality is not None:
        return [municipality] if mine.filter(pk=municipality.pk).exists() else []
    return list(mine)


def surveys_with_results(municipality=None) -> QuerySet[Survey]:
    """Surveys (not templates) that have submitted responses, optionally in a municipality."""
    responses = Response.objects.filter(status=ResponseStatus.SUBMITTED)
    if municipality is not None:
        responses = responses.filter(municipality=municipality)
    return Survey.objects.filter(is_template=False, pk__in=responses.values("survey_id")).order_by(
        "-created_at"
    )


def survey_state(survey: Survey) -> str:
    now = timezone.now()
    if survey.is_template:
        return "template"
    if survey.has_closed(now):
        return "closed"
    if survey.is_open(now):
        return "open"
    return "planned" if survey.opens_at else "draft"
