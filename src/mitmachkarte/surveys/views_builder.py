"""The questionnaire builder of the network team: surveys, sections, questions, invitations.

Plain server-rendered forms (POST, then redirect); every rule is in services.py and
invitations.py, whose ValidationErrors are shown on the page.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.permissions import has_perm, permission_required, require_perm

from . import invitations as invitation_service
from . import selectors, services, structure, tasks
from .forms import InviteForm, NewSurveyForm, QuestionForm, SectionForm, SurveyForm
from .models import Question, Section, Survey


def _errors_to_messages(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@require_GET
def manage(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not has_perm(request.user, "surveys.manage_surveys"):
        # Municipal members find the aggregated results of their territory here.
        message = _("Only the network team manages surveys.")
        require_perm(request.user, "surveys.see_results", message=message)
        territory = selectors.territory_of(request.user)
        return render(request, "surveys/territories.html", {"municipalities": territory})
    return render(
        request,
        "surveys/manage.html",
        {
            "surveys": [
                (s, selectors.survey_state(s), s.responses.filter(status="submitted").count())
                for s in selectors.managed_surveys()
            ],
            "templates": selectors.templates(),
            "new_form": NewSurveyForm(),
        },
    )


@require_POST
@permission_required("surveys.manage_surveys")
def create(request):
    form = NewSurveyForm(request.POST)
    if form.is_valid():
        survey = services.create_survey(title_de=form.cleaned_data["title_de"], by=request.user)
        return redirect("surveys:edit", survey.slug)
    messages.error(request, _("A German title is needed."))
    return redirect("surveys:manage")


@require_POST
@permission_required("surveys.manage_surveys")
def copy(request, slug):
    original = get_object_or_404(Survey, slug=slug)
    survey = services.copy_survey(
        survey=original, by=request.user, title_de=request.POST.get("title_de", "")
    )
    messages.success(request, _("Copied. Set the dates, check the questions and invite."))
    return redirect("surveys:edit", survey.slug)


def _editor_context(survey, **extra) -> dict:
    sections = list(
        survey.sections.prefetch_related("questions__choices", "questions__condition_question")
    )
    return {
        "survey": survey,
        "sections": sections,
        "state": selectors.survey_state(survey),
        "locked": survey.is_template or services.has_responses(survey),
        "invitation_count": survey.invitations.count(),
        "sent_count": survey.invitations.filter(sent_at__isnull=False).count(),
        "responded_count": survey.invitations.filter(responded=True).count(),
        "section_form": SectionForm(),
        "invite_form": InviteForm(),
        **extra,
    }


@require_http_methods(["GET", "POST"])
@permission_required("surveys.manage_surveys")
def edit(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    form = SurveyForm(instance=survey)
    if request.method == "POST":
        form = SurveyForm(request.POST, instance=Survey.objects.get(pk=survey.pk))
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                services.update_survey(survey=Survey.objects.get(pk=survey.pk), **fields)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("surveys:edit", survey.slug)
    return render(
        request,
        "surveys/edit.html",
        _editor_context(survey, form=form),
        status=400 if form.errors else 200,
    )


@require_POST
@permission_required("surveys.manage_surveys")
def section_add(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    form = SectionForm(request.POST)
    if form.is_valid():
        try:
            structure.add_section(survey=survey, **form.cleaned_data)
        except ValidationError as exc:
            _errors_to_messages(request, exc)
    else:
        messages.error(request, _("A German title is needed."))
    return redirect("surveys:edit", survey.slug)


@require_POST
@permission_required("surveys.manage_surveys")
def section_action(request, slug, pk):
    section = get_object_or_404(Section, pk=pk, survey__slug=slug)
    action = request.POST.get("action")
    try:
        if action == "delete":
            structure.delete_section(section=section)
        elif action in ("up", "down"):
            structure.move_section(section=section, offset=-1 if action == "up" else 1)
        else:
            form = SectionForm(request.POST, instance=section)
            if not form.is_valid():
                raise ValidationError(_("A German title is needed."))
            structure.update_section(section=Section.objects.get(pk=pk), **form.cleaned_data)
    except ValidationError as exc:
        _errors_to_messages(request, exc)
    return redirect("surveys:edit", slug)


@require_http_methods(["GET", "POST"])
@permission_required("surveys.manage_surveys")
def question_edit(request, slug, section_pk, pk=None):
    section = get_object_or_404(Section, pk=section_pk, survey__slug=slug)
    survey = section.survey
    question = get_object_or_404(Question, pk=pk, section=section) if pk else None
    initial = QuestionForm.initial_for(question) if question else {"type": "single"}
    form = QuestionForm(request.POST or None, survey=survey, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            structure.save_question(
                section=section,
                question=question,
                choices_text=data.pop("choices_text"),
                condition_question=data.pop("condition_question"),
                condition_values=data.pop("condition_values"),
                **data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Question saved."))
            return redirect("surveys:edit", slug)
    return render(
        request,
        "surveys/question_form.html",
        {"survey": survey, "section": section, "question": question, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@permission_required("surveys.manage_surveys")
def question_action(request, slug, pk):
    question = get_object_or_404(Question, pk=pk, survey__slug=slug)
    action = request.POST.get("action")
    try:
        if action == "delete":
            structure.delete_question(question=question)
        elif action in ("up", "down"):
            structure.move_question(question=question, offset=-1 if action == "up" else 1)
    except ValidationError as exc:
        _errors_to_messages(request, exc)
    return redirect("surveys:edit", slug)


@require_GET
@permission_required("surveys.manage_surveys")
def preview(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    questions = selectors.ordered_questions(survey)
    return render(
        request,
        "surveys/preview.html",
        {
            "survey": survey,
            "sections": [
                (s, [q for q in questions if q.section_id == s.pk]) for s in survey.sections.all()
            ],
        },
    )


@require_POST
@permission_required("surveys.manage_surveys")
def invite(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    form = InviteForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("surveys:edit", slug)
    try:
        created = invitation_service.invite_initiatives(
            survey=survey,
            municipalities=form.cleaned_data["municipalities"],
            regions=form.cleaned_data["regions"],
        )
    except ValidationError as exc:
        _errors_to_messages(request, exc)
        return redirect("surveys:edit", slug)
    if survey.is_open():
        tasks.send_survey_invitations.enqueue(survey.pk)
        messages.success(
            request,
            _("%(n)s organisations invited; the e-mails are on their way.") % {"n": len(created)},
        )
    else:
        messages.success(
            request,
            _(
                "%(n)s organisations invited; the e-mails go out once "
                "the survey is open (button “Send invitations”)."
            )
            % {"n": len(created)},
        )
    return redirect("surveys:edit", slug)


@require_POST
@permission_required("surveys.manage_surveys")
def send(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    if not survey.is_open():
        messages.error(
            request,
            _(
                "Invitations and reminders are sent while the survey is "
                "open: set the opening and closing dates first."
            ),
        )
        return redirect("surveys:edit", slug)
    if request.POST.get("what") == "reminders":
        tasks.send_survey_reminders.enqueue(survey.pk)
        messages.success(request, _("Reminders are on their way."))
    else:
        tasks.send_survey_invitations.enqueue(survey.pk)
        messages.success(request, _("Invitations are on their way."))
    return redirect("surveys:edit", slug)
