"""The progress report for the council: /kommunen/<slug>/strategie/bericht/?von=&bis=
(default: the last calendar year), a page that prints cleanly, ?format=csv, or ?format=pdf
where WeasyPrint can render it (report_pdf.py)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core import ratelimit
from mitmachkarte.core.csv_export import csv_download
from mitmachkarte.core.errors import error_response
from mitmachkarte.core.params import FilterError, parse_date

from . import report as reports
from . import report_pdf
from .views import visible_strategy


def _bad(request, message: str) -> HttpResponse:
    return error_response(request, 400, message)  # the site's error page, naming the parameter


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
        return _bad(request, str(exc))
    if end < start:
        return _bad(request, _("bis: the end lies before the start (von)"))
    fmt = request.GET.get("format", "html")
    if fmt not in ("html", "csv", "pdf"):
        return _bad(request, _("format: use csv or pdf, or leave it out"))
    if fmt == "pdf":
        if not report_pdf.available():
            message = _("format: this server cannot render PDFs; print the page instead")
            return error_response(request, 503, message)
        # Before any work: each PDF costs about a second of CPU. RateLimited → the 429 page.
        ratelimit.check("report_pdf", request)
    period = reports.Period(start, end)
    found = reports.progress_report(strategy, period, members=members)
    if fmt == "csv":
        return csv_download(
            reports.csv_rows(found, period),
            filename=f"fortschrittsbericht-{slug}-{start}-{end}.csv",
        )
    context = {
        "municipality": municipality,
        "strategy": strategy,
        "period": period,
        "fields": found,
        "members": members,
        "today": timezone.localdate(),
        "pdf_available": report_pdf.available(),
    }
    if fmt == "pdf":
        html = render_to_string("strategy/report.html", context, request=request)
        response = HttpResponse(
            report_pdf.render(html, base_url=request.build_absolute_uri()),
            content_type="application/pdf",
        )
        name = f"fortschrittsbericht-{slug}-{start}-{end}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(request, "strategy/report.html", context)
