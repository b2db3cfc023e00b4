"""Writes of a survey's structure: sections, questions, their choices, conditions and order.

Same conventions as services.py. Once a survey has responses its structure is frozen
(`ensure_editable`), so stored answers never lose their question or choice.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import template_spec
from .models import CHOICE_TYPES, Choice, Question, QuestionType, Section, Survey
from .selectors import ordered_questions
from .services import KEY_RE, QUESTION_FIELDS, SECTION_FIELDS, ensure_editable

# --- sections -------------------------------------------------------------------------------


@transaction.atomic
def add_section(*, survey: Survey, title_de: str, **fields) -> Section:
    ensure_editable(survey)
    if not title_de.strip():
        raise ValidationError({"title_de": _("A German title is needed.")})
    last = survey.sections.order_by("-position").values_list("position", flat=True).first()
    return Section.objects.create(
        survey=survey, title_de=title_de.strip(), position=0 if last is None else last + 1, **fields
    )


@transaction.atomic
def update_section(*, section: Section, **fields) -> Section:
    if section.survey.is_template:
        raise ValidationError(_("A template is not edited here; copy it first."))
    for name, value in fields.items():
        if name not in SECTION_FIELDS:
            raise ValueError(f"unknown field {name}")
        setattr(section, name, value)
    section.save()
    return section


@transaction.atomic
def delete_section(*, section: Section) -> None:
    ensure_editable(section.survey)
    if (
        Question.objects.filter(condition_question__section=section)
        .exclude(section=section)
        .exists()
    ):
        raise ValidationError(
            _("A question in another section depends on this section; remove that condition first.")
        )
    section.delete()


def _move(item, siblings, offset: int) -> None:
    """Move `item` by `offset` places among its `siblings` (beyond the ends: no move) and
    store every position; then the conditions must still point backwards."""
    ensure_editable(item.survey)
    items = list(siblings)
    index, other = items.index(item), items.index(item) + offset
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items):
        type(item).objects.filter(pk=each.pk).update(position=position)
    _check_all_conditions(item.survey)


@transaction.atomic
def move_section(*, section: Section, offset: int) -> None:
    _move(section, section.survey.sections.all(), offset)


# --- questions ------------------------------------------------------------------------------


def parse_choices(text: str) -> list[tuple[str, str, str]]:
    """Lines "key | Deutsch | English" (English optional) → [(key, de, en)]."""
    result, seen = [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 2 or len(parts) > 3 or not parts[1]:
            raise ValidationError(
                {"choices": _("Line %(n)s: write “key | German | English”.") % {"n": number}}
            )
        key = parts[0]
        if not KEY_RE.match(key):
            raise ValidationError(
                {
                    "choices": _(
                        "Line %(n)s: the key “%(key)s” must be lower-case letters, digits or _ and "
                        "start with a letter."
                    )
                    % {"n": number, "key": key}
                }
            )
        if key in seen:
            raise ValidationError(
                {
                    "choices": _("Line %(n)s: the key “%(key)s” is used twice.")
                    % {"n": number, "key": key}
                }
            )
        seen.add(key)
        result.append((key, parts[1], parts[2] if len(parts) == 3 else ""))
    return result


def _check_condition(question: Question, ordered: list[Question]) -> None:
    cond = question.condition_question
    if cond is None:
        return
    ids = [q.pk for q in ordered]
    if cond.pk not in ids or question.pk not in ids or ids.index(cond.pk) >= ids.index(question.pk):
        raise ValidationError(
            {
                "condition_question": _(
                    "A condition may only refer to an earlier question (“%(q)s” comes later or is "
                    "the question itself)."
                )
                % {"q": cond.text_de}
            }
        )
    if cond.type not in CHOICE_TYPES | {QuestionType.SCALE}:
        raise ValidationError(
            {"condition_question": _("Conditions work on choice, yes/no and scale questions only.")}
        )
    values = question.condition_values or []
    allowed = (
        {str(n) for n in range(1, 6)}
        if cond.type == QuestionType.SCALE
        else set(cond.choices.values_list("key", flat=True))
    )
    if not values or not set(values) <= allowed:
        raise ValidationError(
            {
                "condition_values": _(
                    "Pick the answers of “%(q)s” that show this question (possible: %(keys)s)."
                )
                % {"q": cond.text_de, "keys": ", ".join(sorted(allowed))}
            }
        )


def _check_all_conditions(survey: Survey) -> None:
    ordered = ordered_questions(survey)
    for question in ordered:
        _check_condition(question, ordered)


def _validate_question(question: Question, choices) -> None:
    errors = {}
    if not question.text_de.strip():
        errors["text_de"] = _("The German question text is needed.")
    if not KEY_RE.match(question.key or ""):
        errors["key"] = _(
            "The key must be lower-case letters, digits or _ and start with a letter."
        )
    elif (
        Question.objects.filter(survey=question.survey, key=question.key)
        .exclude(pk=question.pk)
        .exists()
    ):
        errors["key"] = _("Another question of this survey has this key.")
    if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE) and len(choices) < 2:
        errors["choices"] = _("A choice question needs at least two choices.")
    if (
        question.type == QuestionType.NUMBER
        and None not in (question.min_value, question.max_value)
        and question.min_value > question.max_value
    ):
        errors["max_value"] = _("The maximum must not be below the minimum.")
    if errors:
        raise ValidationError(errors)


def _normalise(question: Question) -> None:
    if question.type != QuestionType.NUMBER:
        question.min_value = question.max_value = None
    if question.type not in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        question.allow_other = False
    if question.type != QuestionType.SCALE:
        for field in ("low_label_de", "low_label_en", "high_label_de", "high_label_en"):
            setattr(question, field, "")


def _set_choices(question: Question, choices) -> None:
    if question.type == QuestionType.YES_NO:
        choices = template_spec.YES_NO_CHOICES
    elif question.type not in CHOICE_TYPES:
        choices = []
    question.choices.all().delete()
    Choice.objects.bulk_create(
        Choice(question=question, position=i, key=key, label_de=de, label_en=en)
        for i, (key, de, en) in enumerate(choices)
    )


def _decimal(value):
    return None if value in (None, "") else Decimal(str(value))


@transaction.atomic
def save_question(
    *,
    section: Section,
    question: Question | None = None,
    choices_text: str = "",
    condition_question: Question | None = None,
    condition_values=(),
    **fields,
) -> Question:
    """Create (question=None) or update a question with its choices and condition."""
    survey = section.survey
    ensure_editable(survey)
    if question is None:
        last = section.questions.order_by("-position").values_list("position", flat=True).first()
        question = Question(
            survey=survey, section=section, position=0 if last is None else last + 1
        )
    elif question.survey_id != survey.pk:
        raise ValidationError(_("The question belongs to another survey."))
    for name in QUESTION_FIELDS:
        if name in fields:
            setattr(question, name, fields.pop(name))
    if fields:
        raise ValueError(f"unknown fields: {sorted(fields)}")
    question.min_value, question.max_value = (
        _decimal(question.min_value),
        _decimal(question.max_value),
    )
    if question.type not in QuestionType.values:
        raise ValidationError({"type": _("Unknown question type.")})
    choices = (
        parse_choices(choices_text)
        if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE)
        else []
    )
    _normalise(question)
    _validate_question(question, choices)
    question.condition_question = condition_question
    question.condition_values = [str(v) for v in condition_values] if condition_question else []
    question.save()
    _set_choices(question, choices)
    _check_all_conditions(survey)
    return question


@transaction.atomic
def delete_question(*, question: Question) -> None:
    ensure_editable(question.survey)
    if question.dependants.exists():
        raise ValidationError(
            _("Other questions are shown depending on this one; remove their condition first.")
        )
    question.delete()


@transaction.atomic
def move_question(*, question: Question, offset: int) -> None:
    _move(question, question.section.questions.all(), offset)
