"""The strategy as files: exports (members: everything; others: a published strategy) and
the import page, which lists every problem by file, line and column."""

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from mitmachkarte.core.csv_export import csv_download

from . import exports
from .forms import ImportForm
from .imports import import_strategy
from .imports_json import import_json
from .views import visible_strategy
from .views_edit import editor, login_first


def _strategy_or_404(request, slug):
    from django.http import Http404

    municipality, members, strategy = visible_strategy(request, slug)
    if strategy is None or not members:
        # The files hold unpublished parts too: for the municipality's editors only.
        raise Http404("exports are for the municipality's editors")
    return municipality, strategy


def export_structure(request, slug: str):
    municipality, strategy = _strategy_or_404(request, slug)
    return csv_download(exports.structure_rows(strategy), filename=f"strategie-{slug}.csv")


def export_indicators(request, slug: str):
    municipality, strategy = _strategy_or_404(request, slug)
    return csv_download(exports.indicator_rows(strategy), filename=f"indikatoren-{slug}.csv")


def export_json(request, slug: str):
    municipality, strategy = _strategy_or_404(request, slug)
    response = HttpResponse(
        json.dumps(exports.strategy_json(strategy), ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="strategie-{slug}.json"'
    return response


@login_first
def import_view(request, slug: str):
    municipality, strategy = editor(request, slug, missing_ok=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.get("document"):
            report = import_json(
                municipality=municipality, actor=request.user, data=data["document"].read()
            )
        else:
            report = import_strategy(
                municipality=municipality,
                actor=request.user,
                structure=data["structure"].read() if data.get("structure") else None,
                indicators=data["indicators"].read() if data.get("indicators") else None,
            )
    return render(
        request,
        "strategy/import.html",
        {
            "municipality": municipality,
            "strategy": strategy,
            "form": form,
            "report": report,
            "title": _("Import a strategy"),
        },
        status=400 if (form.errors or (report and not report.ok)) else 200,
    )
