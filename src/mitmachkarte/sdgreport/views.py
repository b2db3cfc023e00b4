"""The public SDG report (page, CSV, print), the network view, the strategy form."""

from itertools import chain

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.csv_export import csv_download
from mitmachkarte.core.permissions import has_perm, require_perm
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.strategy import selectors as strategy_selectors
from mitmachkarte.taxonomy.models import SDG

from . import network, selectors, services


def sdg_report(request, slug: str):
    municipality = get_object_or_404(Municipality, slug=slug)
    report = selectors.sdg_report(municipality)
    strategy_measures = strategy_selectors.measures_by_sdg(municipality)
    fmt = request.GET.get("format", "html")
    if fmt == "csv":
        return _csv(report)
    if fmt != "html":
        return HttpResponse(
            _("format: use csv or leave it out"),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return render(
        request,
        "sdgreport/report.html",
        {
            "municipality": municipality,
            "report": report,
            "today": timezone.localdate(),
            "can_edit_strategy": has_perm(request.user, "sdgreport.edit_strategy", municipality),
            "chart_height": 30 * len(report.rows) + 10,
            # The strategy's published measures per goal (the strategy app owns them).
            "strategy_view": [
                (row.sdg, measures)
                for row in report.rows
                if (measures := strategy_measures.get(row.sdg.number))
            ],
        },
    )


def _csv(report) -> HttpResponse:
    """UTF-8 with BOM and semicolons: opens directly in German spreadsheet programs."""
    header = [
        "sdg",
        "name",
        "prioritised",
        "prioritised_targets",
        *[s.key for s in report.sources],
        "total",
        "cooperating_initiatives",
    ]
    rows = (
        [
            row.sdg.number,
            row.sdg.name_de,
            int(row.prioritised),
            " ".join(row.targets),
            *[row.counts[s.key] for s in report.sources],
            row.total,
            " | ".join(row.cooperating),
        ]
        for row in report.rows
    )
    return csv_download(
        chain([header], rows), filename=f"sdg-bericht-{report.municipality.slug}.csv"
    )


def network_view(request, slug: str):
    municipality = get_object_or_404(Municipality, slug=slug)
    graph = network.network_of(municipality)
    return render(
        request,
        "sdgreport/network.html",
        {
            "municipality": municipality,
            "network": graph,
            "kinds": [
                (colour, label)
                for colour, label in (
                    (network.KIND_COLOURS["municipality"], _("Municipality")),
                    (network.KIND_COLOURS["advice_centre"], _("Advice centre")),
                    (network.KIND_COLOURS["working_group"], _("Working group")),
                    (network.KIND_COLOURS["initiative"], _("Initiative")),
                )
            ],
        },
    )


def strategy(request, slug: str):
    municipality = get_object_or_404(Municipality, slug=slug)
    require_perm(request.user, "sdgreport.edit_strategy", municipality)
    current = selectors.strategy_of(municipality)
    error, status = "", 200
    goals = [g for g, targets in current.items() if not targets]
    targets_text = " ".join(n for numbers in current.values() for n in numbers)
    if request.method == "POST":
        goals = request.POST.getlist("goals")
        # The picker's checkboxes (one value each) or numbers typed into one field.
        targets_text = " ".join(request.POST.getlist("targets"))[:2000]
        try:
            services.set_strategy(
                municipality=municipality,
                by=request.user,
                goals=goals,
                targets=services.parse_target_numbers(targets_text),
            )
            return redirect("sdgreport:report", slug=municipality.slug)
        except ValidationError as exc:
            error, status = " ".join(exc.messages), 400
    chosen = {str(g) for g in goals}
    chosen_targets = set(services.parse_target_numbers(targets_text))
    sdgs = SDG.objects.order_by("number").prefetch_related("targets")
    return render(
        request,
        "sdgreport/strategy.html",
        {
            "municipality": municipality,
            "groups": [
                (
                    sdg,
                    list(sdg.targets.all()),
                    bool(chosen_targets & {t.number for t in sdg.targets.all()}),
                )
                for sdg in sdgs
            ],
            "chosen": chosen,
            "chosen_targets": chosen_targets,
            "error": error,
        },
        status=status,
    )
