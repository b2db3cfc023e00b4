"""The one CSV writer: formula escaping (OWASP), numbers, delimiter, BOM, streaming."""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from hypothesis import given
from hypothesis import strategies as st

from mitmachkarte.core.csv_export import (
    csv_download,
    csv_lines,
    csv_text,
    safe_text,
    unescape_text,
    xlsx_cell,
)

DANGEROUS = ["=1+1", "+49 221 1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", '=HYPERLINK("x")']


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_starting_like_a_formula_gets_an_apostrophe(text):
    assert safe_text(text) == "'" + text
    assert unescape_text(safe_text(text)) == text


@pytest.mark.parametrize("text", ["Repair Café", "", "a=b", "'quoted", "1-2"])
def test_other_text_stays_as_it_is(text):
    assert safe_text(text) == text
    assert unescape_text(text) == text


def test_numbers_stay_numbers():
    line = csv_text([[-3, 2.5, Decimal("-1.50"), Decimal("10"), True, None, "-3"]])
    assert line == "-3,2.5,-1.5,10,1,,'-3\r\n"


def test_every_cell_of_a_row_is_escaped_and_quoted_where_needed():
    text = csv_text([["name", "note"], ["=cmd|' /C calc'!A0", 'Zeile 1\nZeile 2, "zitiert"']])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [["name", "note"], ["'=cmd|' /C calc'!A0", 'Zeile 1\nZeile 2, "zitiert"']]


def test_delimiter_and_bom_for_german_spreadsheets():
    text = csv_text([["a", "b"], ["1;2", "x"]], delimiter=";", bom=True)
    assert text.startswith("\ufeffa;b\r\n")
    assert list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))[1] == ["1;2", "x"]


def test_lines_are_produced_one_by_one():
    def rows():
        yield ["header"]
        yield ["first"]
        raise AssertionError("read too far")

    lines = csv_lines(rows())
    assert next(lines) == "header\r\n"
    assert next(lines) == "first\r\n"


def test_download_is_an_attachment():
    response = csv_download([["a"], ["@x"]], filename="liste.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'
    assert response.content.decode() == "\ufeffa\r\n'@x\r\n"


def test_xlsx_cells_are_escaped_and_without_control_characters():
    assert xlsx_cell("=1+1") == "'=1+1"
    assert xlsx_cell("a\x00b\x1fc\nd") == "abc\nd"
    assert xlsx_cell(-4) == -4


FORMULA = ("=", "+", "-", "@", "\t", "\r")


@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
def test_no_cell_can_start_a_formula_and_our_reader_gets_the_text_back(values):
    (row,) = list(csv.reader(io.StringIO(csv_text([values]), newline="")))
    assert not any(cell.startswith(FORMULA) for cell in row)
    for value, cell in zip(values, row, strict=True):
        if not (value.startswith("'") and value[1:].startswith(FORMULA)):
            assert unescape_text(cell) == value


def test_every_csv_export_uses_this_writer():
    """No second CSV writer (or copy of the escaping) anywhere else in the code."""
    package = Path(settings.PACKAGE_DIR)
    own = package / "core" / "csv_export.py"
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path != own
        and re.search(r"csv\.writer\(|csv\.DictWriter\(|FORMULA_START", path.read_text())
    ]
    assert offenders == []
