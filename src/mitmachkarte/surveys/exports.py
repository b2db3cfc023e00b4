"""CSV and XLSX exports of a survey's submitted responses (one row per response).

Anonymous surveys export no organisation, municipality or category (only the region).
Cells are formula-safe; no e-mail address is ever exported.
"""

import io

from django.utils.translation import gettext as _

from mitmachkarte.core.csv_export import csv_text, xlsx_cell
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation
from mitmachkarte.taxonomy.models import Category

from .models import QuestionType, Survey
from .regions import region_name
from .results import load
from .selectors import ordered_questions


def table(survey: Survey) -> tuple[list[str], list[list]]:
    """Header and rows; the same for CSV and XLSX."""
    data = load(survey)
    questions = ordered_questions(survey)
    header = ["response"]
    if not survey.anonymous:
        header += ["organisation", "municipality", "ags", "category"]
    header += ["region"]
    for q in questions:
        header.append(q.key)
        if q.allow_other:
            header.append(f"{q.key}_other")
    ids = sorted(data.dims)
    dims = data.dims
    names = {}
    if not survey.anonymous:
        names["org"] = dict(
            Organisation.objects.filter(
                pk__in={d["organisation_id"] for d in dims.values()}
            ).values_list("pk", "name")
        )
        names["muni"] = {
            m.pk: m
            for m in Municipality.objects.filter(
                pk__in={d["municipality_id"] for d in dims.values()}
            )
        }
        names["cat"] = dict(
            Category.objects.filter(pk__in={d["category_id"] for d in dims.values()}).values_list(
                "pk", "slug"
            )
        )
    rows = []
    for number, response_id in enumerate(ids, start=1):
        d = dims[response_id]
        # Anonymous rows are numbered, not identified: the database id could be matched.
        row = [number if survey.anonymous else response_id]
        if not survey.anonymous:
            muni = names["muni"].get(d["municipality_id"])
            row += [
                names["org"].get(d["organisation_id"], ""),
                muni.name if muni else "",
                muni.ags if muni else "",
                names["cat"].get(d["category_id"], ""),
            ]
        row.append(region_name(d["region"]))
        for q in questions:
            answer = data.answers.get(q.pk, {}).get(response_id)
            if answer is None:
                value = ""
            elif q.has_choices:
                value = "|".join(sorted(answer["keys"] - {"other"}))
                if "other" in answer["keys"]:
                    value = "|".join(filter(None, [value, "other"]))
            elif q.type in (QuestionType.NUMBER, QuestionType.SCALE):
                value = answer["number"]  # a Decimal: a number cell in CSV and XLSX
            else:
                value = answer["text"]
            row.append(value)
            if q.allow_other:
                row.append(answer["other_text"] if answer else "")
        rows.append(row)
    return header, rows


def to_csv(survey: Survey) -> str:
    header, rows = table(survey)
    return csv_text([header, *rows], delimiter=";", bom=True)


def to_xlsx(survey: Survey) -> bytes:
    from openpyxl import Workbook

    header, rows = table(survey)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Responses")[:31]
    for row in [header, *rows]:
        sheet.append([xlsx_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
