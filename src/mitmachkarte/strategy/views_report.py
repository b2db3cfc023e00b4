"""The progress report for the council: /kommunen/<slug>/strategie/bericht/?von=&bis=
(default: the last calendar year), a page that prints cleanly, or ?format=csv."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.csv_export import csv_download
from mitmachkarte.core.params import FilterError, parse_date

from . import report as reports
from .views import visible_strategy


def _bad(message: str) -> HttpResponse:
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def progress_report(request, slug: str):
    municipality, members, strategy = visible_strategy(request, slug)
    if strategy is None:
        from django.http import Http404

        raise Http404("no strategy yet")
    default = reports.last_calendar_year(timezone.localdate())
    try:
        start = parse_date("von", request.GET.get("von")) or default.start
        end = parse_date("bis", request.GET.get("bis")) or default.end
    except FilterError as exc:
        return _bad(str(exc))
    if end < start:
        return _bad(_("bis: the end lies before the start (von)"))
    fmt = request.GET.get("format", "html")
    if fmt not in ("html", "csv"):
        return _bad(_("format: use csv or leave it out"))
    period = reports.Period(start, end)
    found = reports.progress_report(strategy, period, members=members)
    if fmt == "csv":
        return csv_download(
            reports.csv_rows(found, period),
            filename=f"fortschrittsbericht-{slug}-{start}-{end}.csv",
        )
    return render(
        request,
        "strategy/report.html",
        {
            "municipality": municipality,
            "strategy": strategy,
            "period": period,
            "fields": found,
            "members": members,
            "today": timezone.localdate(),
        },
    )
