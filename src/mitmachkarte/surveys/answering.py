"""Writes of respondents: start or resume a response, save a section, submit.

Rules: only while the survey is open; a personal invitation gives one response per
organisation (editable until the closing date); choices must be offered, numbers in range,
required questions answered when shown. An invalid answer never overwrites a stored one.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import (
    TEXT_TYPES,
    Answer,
    Choice,
    Invitation,
    Question,
    QuestionType,
    Response,
    ResponseStatus,
    Survey,
)
from .regions import region_of
from .selectors import answer_keys, ordered_questions, visible_ids

OTHER = "__other__"
TEXT_MAX = {QuestionType.SHORT_TEXT: 300, QuestionType.LONG_TEXT: 5000}


@dataclass
class RawAnswer:
    keys: list[str] = field(default_factory=list)
    other: str = ""
    value: str = ""


def raw_from_post(questions, post) -> dict[int, RawAnswer]:
    """The posted values of `questions` (field names q<id>, q<id>_other)."""
    raw = {}
    for q in questions:
        name = f"q{q.pk}"
        raw[q.pk] = RawAnswer(
            keys=[k for k in post.getlist(name) if k],
            other=post.get(f"{name}_other", "").strip(),
            value=post.get(name, "").strip(),
        )
    return raw


def ensure_open(survey: Survey) -> None:
    now = timezone.now()
    if survey.is_template:
        raise ValidationError(_("This is a template; it cannot be answered."))
    if survey.has_closed(now):
        raise ValidationError(
            _("This survey closed on %(date)s; answers can no longer be changed.")
            % {"date": date_format(timezone.localtime(survey.closes_at), "SHORT_DATETIME_FORMAT")}
        )
    if not survey.is_open(now):
        raise ValidationError(_("This survey is not open yet."))


def _dimensions(organisation, *, anonymous: bool) -> dict:
    municipality = category = None
    if organisation is not None:
        if organisation.initiative_id:
            initiative = organisation.initiative
            municipality = initiative.municipality
            category = initiative.categories.order_by("position", "slug").first()
        else:
            municipality = organisation.municipality
    region = region_of(municipality.ags if municipality else "")
    if anonymous:
        # Municipality and category together identify small groups: anonymous responses
        # keep the administrative region only (README, "Surveys").
        return {"region": region}
    return {
        "organisation": organisation,
        "municipality": municipality,
        "category": category,
        "region": region,
    }


@transaction.atomic
def start_response(
    *,
    survey: Survey,
    invitation: Invitation | None = None,
    secret: str = "",
    language: str = "de",
    create: bool = True,
) -> Response:
    """The respondent's response: resumed by invitation or by their session's secret.

    With create=False a new response is returned unsaved (a visitor who only looks at the
    first page leaves no row behind); the access rules are checked either way.
    """

    def new(**fields) -> Response:
        response = Response(survey=survey, language=language, **fields)
        if create:
            response.save()
        return response

    ensure_open(survey)
    if secret:
        found = Response.objects.filter(survey=survey, secret=secret).first()
        if found and (
            invitation is None or survey.anonymous or found.invitation_id == invitation.pk
        ):
            return found
    if invitation is not None:
        if invitation.survey_id != survey.pk:
            raise ValidationError(_("This invitation belongs to another survey."))
        if not survey.anonymous:
            existing = Response.objects.filter(invitation=invitation).first()
            if existing:
                return existing
            return new(
                invitation=invitation, **_dimensions(invitation.organisation, anonymous=False)
            )
        if invitation.responded:
            raise ValidationError(
                _(
                    "This invitation has already been used for an anonymous "
                    "answer. It can only be changed in the browser it was "
                    "given in."
                )
            )
        return new(**_dimensions(invitation.organisation, anonymous=True))
    if not survey.open_link:
        raise ValidationError(
            _("This survey is by invitation only: please use the personal link from your e-mail.")
        )
    return new()


def _parse(question: Question, raw: RawAnswer, choices: dict[str, Choice]):
    """(choice objects, other text, number, text) of a raw answer; ValidationError if bad."""
    t = question.type
    if t in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.YES_NO):
        keys = list(dict.fromkeys(raw.keys))
        if t != QuestionType.MULTIPLE and len(keys) > 1:
            raise ValidationError(_("Please pick one answer only."))
        other = ""
        if OTHER in keys:
            if not question.allow_other:
                raise ValidationError(_("“Other” is not offered here."))
            keys.remove(OTHER)
            other = raw.other[:300]
            if not other:
                raise ValidationError(_("Please say what “other” means."))
        unknown = [k for k in keys if k not in choices]
        if unknown:
            raise ValidationError(
                _("“%(key)s” is not one of the offered answers.") % {"key": unknown[0][:40]}
            )
        return [choices[k] for k in keys], other, None, ""
    if t in (QuestionType.SCALE, QuestionType.NUMBER):
        if not raw.value:
            return [], "", None, ""
        try:
            number = Decimal(raw.value.replace(",", "."))
        except InvalidOperation:
            raise ValidationError(_("Please enter a number.")) from None
        if not number.is_finite():
            raise ValidationError(_("Please enter a number."))
        if t == QuestionType.SCALE:
            if number not in {1, 2, 3, 4, 5}:
                raise ValidationError(_("Please pick a value from 1 to 5."))
        else:
            low, high = question.min_value, question.max_value
            if (low is not None and number < low) or (high is not None and number > high):
                raise ValidationError(
                    _("Please enter a number from %(low)s to %(high)s.")
                    % {
                        "low": _fmt(low) if low is not None else "…",
                        "high": _fmt(high) if high is not None else "…",
                    }
                )
            # The size first: quantize() refuses numbers beyond the context's precision.
            if abs(number) >= 10**9 or number != number.quantize(Decimal("0.01")):
                raise ValidationError(_("Please enter a number with at most two decimals."))
        return [], "", number, ""
    text = raw.value
    if len(text) > TEXT_MAX[t]:
        raise ValidationError(_("Please write at most %(n)s characters.") % {"n": TEXT_MAX[t]})
    return [], "", None, text


def _fmt(number: Decimal) -> str:
    return format(number.normalize(), "f") if number == number.to_integral() else str(number)


def _is_empty(parsed) -> bool:
    choices, other, number, text = parsed
    return not choices and not other and number is None and not text


def _store(response: Response, question: Question, parsed) -> None:
    choices, other, number, text = parsed
    answer, _created = Answer.objects.update_or_create(
        response=response,
        question=question,
        defaults={"other_text": other, "number": number, "text": text},
    )
    answer.choices.set(choices)


def _missing_required(response: Response, questions, keys) -> list[Question]:
    shown = visible_ids(questions, keys)
    answered = set(response.answers.values_list("question_id", flat=True))
    return [q for q in questions if q.required and q.pk in shown and q.pk not in answered]


def _drop_hidden(response: Response, questions, keys) -> None:
    shown = visible_ids(questions, keys)
    response.answers.exclude(question_id__in=shown).delete()


@transaction.atomic
def save_section(
    *, response: Response, section, raw: dict[int, RawAnswer], check_required: bool = True
) -> dict[int, str]:
    """Save the answers of one section; returns {question id: error} (valid ones are saved).

    Required questions are checked unless the respondent only saves for later.
    """
    response = Response.objects.select_for_update().get(pk=response.pk)
    ensure_open(response.survey)
    questions = ordered_questions(response.survey)
    mine = [q for q in questions if q.section_id == section.pk]
    choices = {q.pk: {c.key: c for c in q.choices.all()} for q in mine}
    keys = answer_keys(response)
    errors, parsed = {}, {}
    for q in mine:
        try:
            parsed[q.pk] = _parse(q, raw.get(q.pk, RawAnswer()), choices[q.pk])
        except ValidationError as exc:
            errors[q.pk] = exc.messages[0]
            continue
        p = parsed[q.pk]
        keys[q.pk] = (
            {c.key for c in p[0]}
            if q.has_choices
            else {str(int(p[2]))}
            if q.type == QuestionType.SCALE and p[2]
            else set()
        )
    shown = visible_ids(questions, keys)
    for q in mine:
        if q.pk not in shown:
            errors.pop(q.pk, None)
            response.answers.filter(question=q).delete()
        elif q.pk in parsed:
            if _is_empty(parsed[q.pk]):
                if q.required and check_required:
                    errors[q.pk] = _("Please answer this question.")
                elif not q.required or not check_required:
                    response.answers.filter(question=q).delete()
            else:
                _store(response, q, parsed[q.pk])
    if response.is_submitted and not errors:
        _drop_hidden(response, questions, answer_keys(response))
        if _missing_required(response, questions, answer_keys(response)):
            # The change revealed new required questions: complete and submit again.
            response.status = ResponseStatus.DRAFT
            response.save(update_fields=["status"])
    return errors


@transaction.atomic
def submit(*, response: Response, invitation: Invitation | None = None) -> Response:
    response = Response.objects.select_for_update().select_related("survey").get(pk=response.pk)
    survey = response.survey
    ensure_open(survey)
    questions = ordered_questions(survey)
    keys = answer_keys(response)
    missing = _missing_required(response, questions, keys)
    if missing:
        raise ValidationError(
            _("Please answer the required questions: %(list)s")
            % {"list": "; ".join(q.text for q in missing)}
        )
    if survey.anonymous and invitation is not None and response.submitted_at is None:
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.responded:
            raise ValidationError(
                _("This invitation has already been used for an anonymous answer.")
            )
        locked.responded = True
        locked.save(update_fields=["responded"])
    elif response.invitation_id:
        Invitation.objects.filter(pk=response.invitation_id).update(responded=True)
    _drop_hidden(response, questions, keys)
    now = timezone.now()
    if survey.anonymous:
        # Day only: no time that could be matched with an invitation or a server log.
        now = timezone.make_aware(datetime.combine(now.date(), time(12)), UTC)
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = response.submitted_at or now
    try:
        response.save(update_fields=["status", "submitted_at"])
    except IntegrityError as exc:  # pragma: no cover - guarded by the row lock above
        raise ValidationError(_("The answer could not be saved.")) from exc
    return response


__all__ = [
    "OTHER",
    "RawAnswer",
    "TEXT_TYPES",
    "ensure_open",
    "raw_from_post",
    "save_section",
    "start_response",
    "submit",
]
