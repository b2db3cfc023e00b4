"""Writes of the questionnaire builder: keyword-only, one transaction each, rules here.
This module holds surveys as a whole; structure.py their sections and questions.

Once a survey has responses its structure is frozen (texts and dates stay editable), so
stored answers never lose their question or choice.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mitmachkarte.core.slugs import unique_slug

from . import template_spec
from .models import Choice, Question, Section, Survey

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


def ensure_editable(survey: Survey) -> None:
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
