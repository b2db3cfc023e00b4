"""The progress report for the council: what falls in the period, and the CSV."""

from datetime import date

import pytest
from django.test import Client

from mitmachkarte.strategy import indicator_services, services
from mitmachkarte.strategy.models import ProgressNote
from tests.factories import IndicatorFactory, MeasureFactory, MunicipalityFactory

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def measure(db):
    town = MunicipalityFactory(slug="bochum")
    measure = MeasureFactory(
        operational_goal__strategic_goal__field__strategy__municipality=town,
        title="Reparaturnetz",
    )
    services.update_node(node=measure, actor=None, changes={"status": "running"},
                         note="Start", note_date=date(2024, 3, 1))  # fmt: skip
    services.update_node(node=measure, actor=None, changes={"status": "done"},
                         note="Fertig", note_date=date(2025, 6, 1))  # fmt: skip
    services.add_progress_note(measure=measure, actor=None, text="Drittes Café eröffnet",
                               on=date(2024, 9, 1))  # fmt: skip
    indicator = IndicatorFactory(operational_goal=measure.operational_goal, name="Cafés")
    for year, value in ((2023, 6), (2024, 9), (2025, 3)):
        indicator_services.set_value(indicator=indicator, actor=None,
                                     on=date(year, 12, 31), value=value)  # fmt: skip
    return measure


def test_the_report_shows_what_happened_in_the_period(measure):
    html = Client().get("/kommunen/bochum/strategie/bericht/?von=2024-01-01&bis=2024-12-31")
    assert html.status_code == 200
    page = html.content.decode()
    assert "geplant → laufend" in page
    assert "Drittes Café eröffnet" in page
    assert "Fertig" not in page  # 2025: outside the period
    # values up to the end of the period: 9 in 2024 (the 3 of 2025 does not count yet)
    assert "31.12.2024: 9" in page and "31.12.2025" not in page
    assert "auf Kurs" in page


def test_the_default_period_is_the_last_calendar_year_and_csv_has_the_rows(measure, monkeypatch):
    from types import SimpleNamespace

    from mitmachkarte.strategy import views_report

    monkeypatch.setattr(
        views_report, "timezone", SimpleNamespace(localdate=lambda: date(2026, 2, 10))
    )
    page = Client().get("/kommunen/bochum/strategie/bericht/").content.decode()
    assert "01.01.2025" in page and "31.12.2025" in page and "Fertig" in page
    csv = Client().get("/kommunen/bochum/strategie/bericht/?format=csv").content.decode("utf-8-sig")
    lines = csv.splitlines()
    assert lines[0].startswith("kind;field;code;title;status;status_changes")
    measure_line = next(line for line in lines if line.startswith("measure;"))
    assert "2025-06-01: running → done" in measure_line
    assert any(line.startswith("indicator;") and "off_track" in line for line in lines)


def test_bad_periods_are_a_clear_400(measure):
    client = Client()
    bad = client.get("/kommunen/bochum/strategie/bericht/?von=2024-13-01")
    assert bad.status_code == 400 and "von" in bad.content.decode()
    assert client.get("/kommunen/bochum/strategie/bericht/?von=2024-05-01&bis=2024-01-01"
                      ).status_code == 400  # fmt: skip
    assert client.get("/kommunen/bochum/strategie/bericht/?format=xls").status_code == 400
    assert ProgressNote.objects.count() == 3


def test_the_report_as_pdf(measure):
    """WeasyPrint renders the same page; the CI machine has Pango (.ci/run), so no skip."""
    client = Client()
    page = client.get("/kommunen/bochum/strategie/bericht/?von=2024-01-01&bis=2024-12-31")
    assert "format=pdf" in page.content.decode()
    pdf = client.get("/kommunen/bochum/strategie/bericht/?von=2024-01-01&bis=2024-12-31&format=pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-") and len(pdf.content) > 2000
    assert "fortschrittsbericht-bochum-2024-01-01-2024-12-31.pdf" in pdf["Content-Disposition"]


def test_the_pdf_renderer_reads_only_our_static_files():
    from mitmachkarte.strategy.report_pdf import _static_file

    assert _static_file("http://testserver/static/strategy/strategy.css").endswith("strategy.css")
    for url in (
        "https://example.org/static/strategy/strategy.css",
        "http://testserver/media/x.png",
        "http://testserver/static/../settings.py",
        "file:///etc/passwd",
    ):
        path = _static_file(url)
        assert path is None or path.endswith("strategy.css"), url


def test_without_a_renderer_the_pdf_is_a_clear_503(measure, monkeypatch):
    from mitmachkarte.strategy import report_pdf

    monkeypatch.setattr(report_pdf, "available", lambda: False)
    client = Client()
    assert "format=pdf" not in client.get("/kommunen/bochum/strategie/bericht/").content.decode()
    response = client.get("/kommunen/bochum/strategie/bericht/?format=pdf")
    assert response.status_code == 503 and "format" in response.content.decode()


def test_others_see_only_the_published_parts_members_all_marked(measure):
    from tests.factories import MeasureFactory, strategy_manager

    MeasureFactory(operational_goal=measure.operational_goal, title="Interne Maßnahme",
                   published=False)  # fmt: skip
    path = "/kommunen/bochum/strategie/bericht/?von=2024-01-01&bis=2024-12-31"
    public = Client().get(path).content.decode()
    assert "Reparaturnetz" in public and "Interne Maßnahme" not in public
    assert "Interne Maßnahme" not in Client().get(path + "&format=csv").content.decode()
    member = Client()
    member.force_login(strategy_manager(measure.operational_goal.strategic_goal.field.strategy
                                        .municipality))  # fmt: skip
    html = member.get(path).content.decode()
    assert "Interne Maßnahme" in html and "nicht veröffentlicht" in html


def test_pdfs_are_rate_limited_per_client(measure, set_rate):
    set_rate("report_pdf.ip", "1/h")
    client = Client()
    path = "/kommunen/bochum/strategie/bericht/?format=pdf"
    assert client.get(path).status_code == 200
    limited = client.get(path)
    assert limited.status_code == 429 and limited["Retry-After"]
    assert client.get("/kommunen/bochum/strategie/bericht/").status_code == 200  # the page is not
