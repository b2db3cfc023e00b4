"""Writes of the questionnaire builder: keyword-only, one transaction each, rules here.

Once a survey has responses its structure is frozen (texts and dates stay editable), so
stored answers never lose their question or choice.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mitmachkarte.core.slugs import unique_slug

from . import template_spec
from .models import CHOICE_TYPES, Choice, Question, QuestionType, Section, Survey
from .selectors import ordered_questions

KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
SURVEY_TEXT_FIELDS = ("title_de", "title_en", "intro_de", "intro_en")
SURVEY_FIELDS = SURVEY_TEXT_FIELDS + ("anonymous", "open_link", "opens_at", "closes_at")
SECTION_FIELDS = ("title_de", "title_en", "description_de", "description_en")
QUESTION_TEXT_FIELDS = (
    "text_de",
    "text_en",
    "help_de",
    "help_en",
    "low_label_de",
    "low_label_en",
    "high_label_de",
    "high_label_en",
)
QUESTION_FIELDS = QUESTION_TEXT_FIELDS + (
    "key",
    "type",
    "required",
    "allow_other",
    "min_value",
    "max_value",
)


def has_responses(survey: Survey) -> bool:
    return survey.responses.exists()


def _ensure_editable(survey: Survey) -> None:
    if survey.is_template:
        raise ValidationError(_("A template is not edited here; copy it first."))
    if has_responses(survey):
        raise ValidationError(
            _(
                "This survey already has responses: its questions can no "
                "longer be changed, only texts and dates."
            )
        )


def _check_dates(opens_at, closes_at) -> None:
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError({"closes_at": _("The closing date must be after the opening date.")})


@transaction.atomic
def create_survey(*, title_de: str, by=None, **fields) -> Survey:
    if not title_de.strip():
        raise ValidationError({"title_de": _("A German title is needed.")})
    _check_dates(fields.get("opens_at"), fields.get("closes_at"))
    return Survey.objects.create(
        slug=unique_slug(title_de, taken=Survey.objects, default="befragung"),
        title_de=title_de.strip(),
        created_by=by,
        **fields,
    )


@transaction.atomic
def update_survey(*, survey: Survey, **fields) -> Survey:
    unknown = set(fields) - set(SURVEY_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    if survey.is_template:
        raise ValidationError(_("A template is not edited here; copy it first."))
    if "anonymous" in fields and fields["anonymous"] != survey.anonymous and has_responses(survey):
        raise ValidationError(
            {"anonymous": _("The anonymous mode cannot change once there are responses.")}
        )
    _check_dates(fields.get("opens_at", survey.opens_at), fields.get("closes_at", survey.closes_at))
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.full_clean()
    survey.save()
    return survey


@transaction.atomic
def copy_survey(*, survey: Survey, by=None, title_de: str = "") -> Survey:
    """A new, unpublished survey with the same sections, questions, choices and conditions."""
    title = title_de.strip() or survey.title_de
    copy = Survey.objects.create(
        slug=unique_slug(title, taken=Survey.objects, default="befragung"),
        title_de=title,
        title_en=survey.title_en,
        intro_de=survey.intro_de,
        intro_en=survey.intro_en,
        anonymous=survey.anonymous,
        open_link=survey.open_link,
        created_by=by,
    )
    questions = {}
    for section in survey.sections.all():
        new_section = Section.objects.create(
            survey=copy,
            position=section.position,
            **{f: getattr(section, f) for f in SECTION_FIELDS},
        )
        for question in section.questions.all():
            new_q = Question.objects.create(
                survey=copy,
                section=new_section,
                position=question.position,
                condition_values=list(question.condition_values),
                **{f: getattr(question, f) for f in QUESTION_FIELDS},
            )
            questions[question.pk] = new_q
            Choice.objects.bulk_create(
                Choice(
                    question=new_q,
                    position=c.position,
                    key=c.key,
                    label_de=c.label_de,
                    label_en=c.label_en,
                )
                for c in question.choices.all()
            )
    for old_id, cond_id in survey.questions.filter(condition_question__isnull=False).values_list(
        "pk", "condition_question_id"
    ):
        new_q = questions[old_id]
        new_q.condition_question = questions[cond_id]
        new_q.save(update_fields=["condition_question"])
    return copy


def install_template() -> Survey:
    """The programme's template (the data migration ships it; this restores it)."""
    existing = Survey.objects.filter(slug=template_spec.TEMPLATE_SLUG).first()
    if existing:
        return existing
    with transaction.atomic():
        return template_spec.build(
            template_spec.SPEC,
            Survey=Survey,
            Section=Section,
            Question=Question,
            Choice=Choice,
            is_template=True,
        )


# --- sections -------------------------------------------------------------------------------


@transaction.atomic
def add_section(*, survey: Survey, title_de: str, **fields) -> Section:
    _ensure_editable(survey)
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
    _ensure_editable(section.survey)
    if (
        Question.objects.filter(condition_question__section=section)
        .exclude(section=section)
        .exists()
    ):
        raise ValidationError(
            _("A question in another section depends on this section; remove that condition first.")
        )
    section.delete()


def _swap(items: list, index: int, offset: int) -> None:
    other = index + offset
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]


@transaction.atomic
def move_section(*, section: Section, offset: int) -> None:
    _ensure_editable(section.survey)
    sections = list(section.survey.sections.all())
    _swap(sections, sections.index(section), offset)
    for position, item in enumerate(sections):
        Section.objects.filter(pk=item.pk).update(position=position)
    _check_all_conditions(section.survey)


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
    _ensure_editable(survey)
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
    _ensure_editable(question.survey)
    if question.dependants.exists():
        raise ValidationError(
            _("Other questions are shown depending on this one; remove their condition first.")
        )
    question.delete()


@transaction.atomic
def move_question(*, question: Question, offset: int) -> None:
    _ensure_editable(question.survey)
    questions = list(question.section.questions.all())
    _swap(questions, questions.index(question), offset)
    for position, item in enumerate(questions):
        Question.objects.filter(pk=item.pk).update(position=position)
    _check_all_conditions(question.survey)
