"""Results: the network team's full view and exports, municipalities' aggregated view.

Municipal members see their territory only, aggregated, with small cells suppressed and no
free texts; exports of single responses are for the network team.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mitmachkarte.core.permissions import require_perm
from mitmachkarte.municipalities.models import Municipality

from . import exports, results, selectors
from .models import Survey

DIMENSION_LABELS = {"municipality": "Municipality", "region": "Region", "category": "Category"}


def _breakdown_context(request, survey, data, municipalities) -> dict:
    """The breakdown chosen by ?question=&dimension=&choice= (bad values: a notice)."""
    questions = [
        q for q in selectors.ordered_questions(survey) if q.has_choices or q.type == "scale"
    ]
    if not questions:
        return {}
    dimensions = ["region"] if survey.anonymous else list(results.DIMENSIONS)
    notices = []
    key = request.GET.get("question") or next(
        (q.key for q in questions if q.key == selectors.SUPPORT_QUESTION), questions[0].key
    )
    question = next((q for q in questions if q.key == key), None)
    if question is None:
        notices.append(_("Unknown question “%(key)s”; showing the first one.") % {"key": key[:60]})
        question = questions[0]
    dimension = request.GET.get("dimension") or dimensions[0]
    if dimension not in dimensions:
        notices.append(_("This breakdown is not available here."))
        dimension = dimensions[0]
    # Small answer counts inside a group are hidden wherever the viewer must not recognise
    # a respondent: municipalities (territory views) and anonymous surveys.
    strict = municipalities is not None or survey.anonymous
    groups = results.breakdown(
        survey, question, dimension, municipalities=municipalities, data=data, strict=strict
    )
    option_keys = [k for k, _label in results.options(question)]
    choice = request.GET.get("choice", "")
    if choice and choice not in option_keys:
        notices.append(_("Unknown answer “%(key)s”.") % {"key": choice[:60]})
        choice = ""
    chart = []
    if choice:
        for group in groups:
            cell = next(c for c in group.cells if c.key == choice)
            chart.append({"group": group, "cell": cell})
    return {
        "bd_questions": questions,
        "bd_question": question,
        "bd_dimension": dimension,
        "bd_dimensions": dimensions,
        "bd_groups": groups,
        "bd_choice": choice,
        "bd_options": results.options(question),
        "bd_chart": chart,
        "bd_notices": notices,
        "bd_strict": strict,
        "min_cell": results.MIN_CELL,
    }


@require_GET
def survey_results(request, slug):
    survey = get_object_or_404(Survey, slug=slug, is_template=False)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    require_perm(request.user, "surveys.see_results")
    territory = selectors.territory_of(request.user)
    full = territory is None
    fmt = request.GET.get("format", "")
    if fmt:
        require_perm(request.user, "surveys.export_responses")
        if fmt == "csv":
            response = HttpResponse(exports.to_csv(survey), content_type="text/csv; charset=utf-8")
        elif fmt == "xlsx":
            response = HttpResponse(
                exports.to_xlsx(survey),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            return HttpResponse(
                _("Unknown format: use csv or xlsx."),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        response["Content-Disposition"] = f'attachment; filename="{survey.slug}.{fmt}"'
        return response
    data = results.load(survey, territory)
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "full": full,
            "territory": territory,
            "count": data.count,
            "results": results.question_results(
                survey,
                municipalities=territory,
                protect=not full or survey.anonymous,
                with_texts=full,
                data=data,
            ),
            "min_cell": results.MIN_CELL,
            **_breakdown_context(request, survey, data, territory),
        },
    )


@require_GET
def municipality_results(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    require_perm(request.user, "surveys.see_municipality_results", municipality)
    surveys = list(selectors.surveys_with_results(municipality))
    chosen = request.GET.get("survey")
    survey = next((s for s in surveys if s.slug == chosen), surveys[0] if surveys else None)
    context = {
        "municipality": municipality,
        "surveys": surveys,
        "survey": survey,
        "min_cell": results.MIN_CELL,
    }
    if survey is not None:
        data = results.load(survey, [municipality])
        context.update(
            count=data.count,
            results=results.question_results(
                survey, municipalities=[municipality], protect=True, with_texts=False, data=data
            ),
        )
    return render(request, "surveys/municipality.html", context)
