"""Answering a survey: one page per section, a summary to submit, thanks with one's answers.

A personal link carries its signed token in `?t=`; the session keeps only the response's
secret, so an anonymous answer is resumed without storing who gave it.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mitmachkarte.core.params import parse_int, value_or_default

from . import answering, into_action, invitations, selectors, tokens
from .models import Answer, QuestionType, Response, Survey


def _session_key(survey: Survey) -> str:
    return f"surveys:response:{survey.pk}"


def problem(request, survey, message: str, *, status: int = 400, response=None):
    return render(
        request,
        "surveys/problem.html",
        {
            "survey": survey,
            "message": message,
            "summary": selectors.own_summary(response)
            if response and response.is_submitted
            else None,
        },
        status=status,
    )


def _existing(request, survey, invitation) -> Response | None:
    if invitation is not None and not survey.anonymous:
        return Response.objects.filter(invitation=invitation).first()
    secret = request.session.get(_session_key(survey))
    return Response.objects.filter(survey=survey, secret=secret).first() if secret else None


def _respondent(request, slug: str, *, create: bool = False):
    """(survey, response, token, error page): the response of this visitor, or why not.

    The response is saved only when the visitor saves answers (create=True).
    """
    survey = get_object_or_404(Survey, slug=slug, is_template=False)
    token = request.POST.get("t") or request.GET.get("t") or ""
    invitation = None
    if token:
        try:
            invitation = invitations.invitation_from_token(survey=survey, token=token)
        except tokens.TokenError as exc:
            message = (
                _("This invitation link has expired. Please ask the network team for a new one.")
                if exc.expired
                else _(
                    "This invitation link is not valid. Please copy the whole link from "
                    "your e-mail."
                )
            )
            return survey, None, "", problem(request, survey, message, status=400)
    try:
        response = answering.start_response(
            survey=survey,
            invitation=invitation,
            language=(get_language() or "de")[:2],
            secret=request.session.get(_session_key(survey), ""),
            create=create,
        )
    except ValidationError as exc:
        existing = _existing(request, survey, invitation)
        return (
            survey,
            None,
            token,
            problem(request, survey, exc.messages[0], status=403, response=existing),
        )
    if response.pk:
        request.session[_session_key(survey)] = response.secret
    return survey, response, token, None


def _url(name: str, survey: Survey, token: str, **params) -> str:
    query = {**({"t": token} if token else {}), **params}
    return reverse(name, args=[survey.slug]) + (f"?{urlencode(query)}" if query else "")


def _question_rows(response, questions, shown, raw=None, errors=None) -> list[dict]:
    stored = (
        {
            a.question_id: a
            for a in Answer.objects.filter(
                response=response, question__in=questions
            ).prefetch_related("choices")
        }
        if response.pk
        else {}
    )
    rows = []
    for q in questions:
        answer = stored.get(q.pk)
        if raw is not None:
            r = raw[q.pk]
            keys, other, value = set(r.keys), r.other, r.value
        else:
            keys = {c.key for c in answer.choices.all()} if answer else set()
            other = answer.other_text if answer else ""
            if other:
                keys.add(answering.OTHER)
            value = ""
            if answer and answer.number is not None:
                value = selectors.display_answer(q, answer)
            elif answer:
                value = answer.text
        rows.append(
            {
                "q": q,
                "name": f"q{q.pk}",
                "keys": keys,
                "other": other,
                "value": value,
                "error": (errors or {}).get(q.pk),
                "hidden": q.pk not in shown,
                "scale": [str(n) for n in range(1, 6)] if q.type == QuestionType.SCALE else [],
                "cond": f"q{q.condition_question_id}" if q.condition_question_id else "",
                "cond_values": ",".join(q.condition_values or []),
            }
        )
    return rows


@require_http_methods(["GET", "POST"])
def answer(request, slug):
    survey, response, token, error = _respondent(request, slug, create=request.method == "POST")
    if error:
        return error
    sections = list(survey.sections.all())
    if not sections:
        return problem(request, survey, _("This survey has no questions yet."), status=404)
    raw_page = request.POST.get("page") or request.GET.get("seite")
    number = value_or_default(parse_int, "seite", raw_page, default=1) or 1
    index = min(max(number, 1), len(sections)) - 1
    section = sections[index]
    questions_all = selectors.ordered_questions(survey)
    questions = [q for q in questions_all if q.section_id == section.pk]
    keys = selectors.answer_keys(response) if response.pk else {}
    raw = errors = None
    if request.method == "POST":
        action = request.POST.get("action", "next")
        raw = answering.raw_from_post(questions, request.POST)
        try:
            errors = answering.save_section(
                response=response, section=section, raw=raw, check_required=action == "next"
            )
        except ValidationError as exc:
            return problem(request, survey, exc.messages[0], status=403, response=response)
        if not errors:
            if action == "back" and index > 0:
                return redirect(_url("surveys:answer", survey, token, seite=index))
            if action == "save":
                messages.success(
                    request, _("Your answers are saved. You can continue later with the same link.")
                )
                return redirect(_url("surveys:answer", survey, token, seite=index + 1))
            if index + 1 < len(sections):
                return redirect(_url("surveys:answer", survey, token, seite=index + 2))
            return redirect(_url("surveys:review", survey, token))
        for q in questions:  # what was posted shows which same-page conditions hold
            keys[q.pk] = set(raw[q.pk].keys) or ({raw[q.pk].value} if raw[q.pk].value else set())
    # Conditions on an earlier page are decided by the stored answers: those questions are
    # left out. Conditions on this page start from the answers given so far and are toggled
    # by the script (and checked again on saving).
    shown = selectors.visible_ids(questions_all, keys)
    same_page = {q.pk for q in questions}
    rows = [
        r
        for r in _question_rows(response, questions, shown, raw, errors)
        if not r["hidden"] or r["q"].condition_question_id in same_page
    ]
    return render(
        request,
        "surveys/answer.html",
        {
            "survey": survey,
            "response": response,
            "section": section,
            "rows": rows,
            "page": index + 1,
            "pages": len(sections),
            "token": token,
            "progress": round(100 * index / len(sections)),
            "has_errors": bool(errors),
        },
        status=400 if errors else 200,
    )


@require_http_methods(["GET", "POST"])
def review(request, slug):
    survey, response, token, error = _respondent(request, slug)
    if error:
        return error
    if not response.pk:
        return redirect(_url("surveys:answer", survey, token))
    questions = selectors.ordered_questions(survey)
    shown = selectors.visible_ids(questions, selectors.answer_keys(response))
    answered = set(response.answers.values_list("question_id", flat=True))
    missing = [q for q in questions if q.required and q.pk in shown and q.pk not in answered]
    sections = list(survey.sections.all())
    page_of = {s.pk: i + 1 for i, s in enumerate(sections)}
    message = ""
    if request.method == "POST":
        try:
            answering.submit(response=response, invitation=invitations_or_none(survey, token))
        except ValidationError as exc:
            message = exc.messages[0]
        else:
            return redirect(_url("surveys:thanks", survey, token))
    return render(
        request,
        "surveys/review.html",
        {
            "survey": survey,
            "response": response,
            "token": token,
            "summary": selectors.own_summary(response),
            "message": message,
            "missing": [
                {"q": q, "url": _url("surveys:answer", survey, token, seite=page_of[q.section_id])}
                for q in missing
            ],
            "edit_url": _url("surveys:answer", survey, token, seite=1),
        },
        status=400 if message else 200,
    )


def invitations_or_none(survey, token):
    if not token:
        return None
    try:
        return invitations.invitation_from_token(survey=survey, token=token)
    except tokens.TokenError:
        return None


def thanks(request, slug):
    survey, response, token, error = _respondent(request, slug)
    if error:
        return error
    if not response.pk or not response.is_submitted:
        return redirect(_url("surveys:review", survey, token))
    here = _url("surveys:thanks", survey, token)
    return render(
        request,
        "surveys/thanks.html",
        {
            "survey": survey,
            "response": response,
            "summary": selectors.own_summary(response),
            "edit_url": _url("surveys:answer", survey, token, seite=1),
            "into_action": into_action.into_action(response, request.user),
            "login_url": resolve_url(settings.LOGIN_URL) + "?" + urlencode({"next": here}),
        },
    )


@require_POST
def need_from_wish(request, slug, pk):
    """One click on the thanks page: a support wish becomes a need (or links to the one made
    before); the need's page is where it is edited."""
    response = get_object_or_404(
        Response.objects.select_related("survey", "organisation"),
        pk=pk,
        survey__slug=slug,
        survey__is_template=False,
    )
    if not request.user.is_authenticated:
        return redirect(
            resolve_url(settings.LOGIN_URL)
            + "?"
            + urlencode({"next": reverse("surveys:thanks", args=[slug])})
        )
    try:
        need, created = into_action.need_from_wish(
            response=response, user=request.user, wish=request.POST.get("wish", "")
        )
    except PermissionDenied as exc:
        return problem(request, response.survey, str(exc), status=403)
    except ValidationError as exc:
        return problem(request, response.survey, exc.messages[0], status=400)
    if created:
        messages.success(
            request,
            _(
                "The need is posted in the support exchange. Describe "
                "it in more detail with “Edit”."
            ),
        )
    else:
        messages.info(request, _("This need was already created from your answers."))
    return redirect(need.get_absolute_url())
