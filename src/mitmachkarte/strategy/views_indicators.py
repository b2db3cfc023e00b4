"""Indicators in the site: create and edit one, enter values (htmx swaps the table in
place; without JavaScript the page reloads), import values as CSV, delete."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mitmachkarte.core.concurrency import ConflictError, merge

from . import indicator_services, levels, selectors
from .forms import IndicatorForm, UploadForm, ValueForm
from .levels import OPERATIONAL_GOAL, STRATEGIC_GOAL
from .models import Indicator, IndicatorValue
from .views_edit import _apply_errors, editor, login_first, node_in


def indicator_in(strategy, pk: int) -> Indicator:
    indicator = (
        Indicator.objects.filter(pk=pk).select_related("strategic_goal", "operational_goal").first()
    )
    if indicator is None or levels.strategy_of(indicator_services.goal_of(indicator)) != strategy:
        raise Http404("no such indicator")
    return indicator


@login_first
def create_indicator(request, slug: str, level: str, pk: int):
    municipality, strategy = editor(request, slug)
    if level not in (STRATEGIC_GOAL.slug, OPERATIONAL_GOAL.slug):
        raise Http404("indicators belong to goals")
    _level, goal = node_in(strategy, level, pk)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = indicator_services.create_indicator(
                goal=goal, actor=request.user, values=form.field_values()
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            return redirect("strategy:indicator_edit", slug=slug, pk=indicator.pk)
    return render(
        request,
        "strategy/indicator_form.html",
        {"municipality": municipality, "goal": goal, "form": form},
        status=400 if form.errors else 200,
    )


def _page(request, municipality, indicator, form, value_form=None, status=200, conflict=None):
    return render(
        request,
        "strategy/indicator_form.html",
        {
            "municipality": municipality,
            "indicator": indicator,
            "goal": indicator_services.goal_of(indicator),
            "view": selectors.indicator_view(indicator, public=False),
            "form": form,
            "value_form": value_form or ValueForm(initial={"date": timezone.localdate()}),
            "upload_form": UploadForm(),
            "conflict": conflict,
        },
        status=status,
    )


@login_first
def edit_indicator(request, slug: str, pk: int):
    municipality, strategy = editor(request, slug)
    indicator = indicator_in(strategy, pk)
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            indicator_services.update_indicator(
                indicator=indicator,
                actor=request.user,
                changes=form.field_values(),
                expected_version=form.cleaned_data["version"],
            )
        except ConflictError as exc:
            values, _both = merge(exc, form.field_values())
            form = IndicatorForm(instance=indicator, initial={**values, "version": exc.token})
            return _page(request, municipality, indicator, form, status=409, conflict=exc)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("strategy:indicator_edit", slug=slug, pk=pk)
    return _page(request, municipality, indicator, form, status=400 if form.errors else 200)


@login_first
@require_POST
def add_value(request, slug: str, pk: int):
    municipality, strategy = editor(request, slug)
    indicator = indicator_in(strategy, pk)
    form = ValueForm(request.POST)
    if form.is_valid():
        indicator_services.set_value(
            indicator=indicator,
            actor=request.user,
            on=form.cleaned_data["date"],
            value=form.cleaned_data["value"],
            note=form.cleaned_data["note"],
        )
        form = None
    if request.htmx:
        return render(
            request,
            "strategy/_values.html",
            {
                "municipality": municipality,
                "indicator": indicator,
                "view": selectors.indicator_view(indicator, public=False),
                "value_form": form or ValueForm(initial={"date": timezone.localdate()}),
            },
            status=400 if form else 200,
        )
    if form is not None:
        return _page(request, municipality, indicator, IndicatorForm(instance=indicator),
                     value_form=form, status=400)  # fmt: skip
    messages.success(request, _("Value saved."))
    return redirect("strategy:indicator_edit", slug=slug, pk=pk)


@login_first
@require_POST
def delete_value(request, slug: str, pk: int, value_pk: int):
    municipality, strategy = editor(request, slug)
    indicator = indicator_in(strategy, pk)
    value = get_object_or_404(IndicatorValue, pk=value_pk, indicator=indicator)
    indicator_services.delete_value(value=value, actor=request.user)
    return redirect("strategy:indicator_edit", slug=slug, pk=pk)


@login_first
@require_POST
def import_values(request, slug: str, pk: int):
    municipality, strategy = editor(request, slug)
    indicator = indicator_in(strategy, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid() or form.cleaned_data["file"].size > UploadForm.MAX_BYTES:
        messages.error(request, _("Choose a CSV file of at most 5 MB."))
        return redirect("strategy:indicator_edit", slug=slug, pk=pk)
    result = indicator_services.import_values(
        indicator=indicator, actor=request.user, data=form.cleaned_data["file"].read()
    )
    if result.errors:
        for line, column, message in result.errors[:50]:
            messages.error(
                request,
                _("Line %(line)s, column %(column)s: %(message)s")
                % {"line": line, "column": column or "–", "message": message},
            )
        messages.error(request, _("Nothing was imported."))
    else:
        messages.success(request, _("%(n)s values imported.") % {"n": result.saved})
    return redirect("strategy:indicator_edit", slug=slug, pk=pk)


@login_first
@require_POST
def delete_indicator(request, slug: str, pk: int):
    municipality, strategy = editor(request, slug)
    indicator = indicator_in(strategy, pk)
    goal = indicator_services.goal_of(indicator)
    indicator_services.delete_indicator(indicator=indicator, actor=request.user)
    messages.success(request, _("Indicator deleted."))
    return redirect("strategy:node_edit", slug=slug, level=levels.level_of(goal).slug, pk=goal.pk)
