"""Results: aggregation equals direct counts, small-cell suppression, anonymous surveys leak
no organisation, municipalities see their territory only, exports."""

import io
import random

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from mitmachkarte.surveys import exports, results, services
from mitmachkarte.surveys.models import Answer, Response, ResponseStatus
from mitmachkarte.surveys.results import MIN_CELL

from .conftest import MINIMAL, answer, invited

pytestmark = pytest.mark.django_db

SUPPORT = ["permit", "room", "funding", "publicity", "cooperation"]


def respond(survey, town, rng, *, category="repair", anonymous_link=True):
    values = {
        "has_contact": {"keys": [rng.choice(["yes", "no"])]},
        "regional_talk": {"keys": [rng.choice(["yes", "maybe", "no"])]},
        "support_wanted": {"keys": rng.sample(SUPPORT, rng.randint(0, 3))},
        "members": {"value": str(rng.randint(1, 50))},
    }
    if values["has_contact"]["keys"] == ["yes"]:
        values["contact_quality"] = {"value": str(rng.randint(1, 5))}
    return answer(survey, values, invitation=invited(survey, town, category=category))


def direct_counts(survey, key):
    """Counted straight from the tables, independent of results.py."""
    counts = {}
    for answer_ in Answer.objects.filter(
        response__survey=survey, question__key=key, response__status=ResponseStatus.SUBMITTED
    ):
        for choice in answer_.choices.all():
            counts[choice.key] = counts.get(choice.key, 0) + 1
    return counts


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10_000), n=st.integers(0, 12))
def test_aggregation_equals_direct_counts(survey, towns, seed, n):
    Response.objects.filter(survey=survey).delete()
    rng = random.Random(seed)
    for _ in range(n):
        respond(survey, rng.choice(towns), rng)
    answering_draft = answer(survey, MINIMAL, invitation=invited(survey, towns[0]), submit=False)
    assert answering_draft.status == ResponseStatus.DRAFT  # drafts never count
    by_key = {r.question.key: r for r in results.question_results(survey)}
    for key in ("support_wanted", "regional_talk", "has_contact"):
        expected = direct_counts(survey, key)
        got = {c.key: c.count for c in by_key[key].cells if c.count}
        assert got == expected
        answered = Answer.objects.filter(
            response__survey=survey, question__key=key, response__status=ResponseStatus.SUBMITTED
        ).count()
        assert by_key[key].answered == answered
        for cell in by_key[key].cells:
            assert cell.share == pytest.approx(cell.count / answered if answered else 0)
    # The breakdown's groups add up to the whole.
    groups = results.breakdown(
        survey, by_key["regional_talk"].question, "municipality", strict=False
    )
    shown = [g for g in groups if not g.suppressed]
    for cell_key in ("yes", "maybe", "no"):
        total = sum(c.count for g in shown for c in g.cells if c.key == cell_key)
        assert total <= direct_counts(survey, "regional_talk").get(cell_key, 0)
    if all(not g.suppressed for g in groups):
        assert sum(g.answered for g in groups) == by_key["regional_talk"].answered


def test_small_groups_and_small_cells_are_suppressed(survey, towns, q):
    bochum, koeln = towns
    for i in range(6):  # Bochum: 6 responses, 1 wants a room
        answer(
            survey,
            {**MINIMAL, "support_wanted": {"keys": ["room"] if i == 0 else ["funding"]}},
            invitation=invited(survey, bochum),
        )
    for _ in range(4):  # Köln: only 4 responses
        answer(
            survey,
            {**MINIMAL, "support_wanted": {"keys": ["room"]}},
            invitation=invited(survey, koeln),
        )
    groups = {g.label: g for g in results.breakdown(survey, q["support_wanted"], "municipality")}
    assert groups["Koeln"].suppressed and groups["Koeln"].answered == 0
    assert all(c.count == 0 and c.suppressed for c in groups["Koeln"].cells)
    bochum_cells = {c.key: c for c in groups["Bochum"].cells}
    assert not groups["Bochum"].suppressed and groups["Bochum"].answered == 6
    assert bochum_cells["room"].suppressed and bochum_cells["room"].count == 0
    assert bochum_cells["funding"].count == 5 and not bochum_cells["funding"].suppressed
    # The network team's breakdown of a personal survey hides small groups only.
    loose = {
        g.label: g
        for g in results.breakdown(survey, q["support_wanted"], "municipality", strict=False)
    }
    assert loose["Koeln"].suppressed
    assert {c.key: c.count for c in loose["Bochum"].cells}["room"] == 1


def test_single_answers_hide_a_second_cell_so_the_total_gives_nothing_away(survey, towns, q):
    for i in range(8):
        answer(
            survey,
            {
                "has_contact": {"keys": ["no"]},
                "regional_talk": {"keys": ["maybe" if i == 0 else "yes"]},
            },
            invitation=invited(survey, towns[0]),
        )
    group = results.breakdown(survey, q["regional_talk"], "municipality")[0]
    cells = {c.key: c for c in group.cells}
    assert cells["maybe"].suppressed and cells["yes"].suppressed
    assert cells["no"].count == 0 and not cells["no"].suppressed


def test_municipal_members_see_their_territory_only(client, survey, towns, municipal_user):
    rng = random.Random(1)
    for _ in range(6):
        respond(survey, towns[0], rng)
    for _ in range(7):
        respond(survey, towns[1], rng)
    client.force_login(municipal_user)
    page = client.get(reverse("surveys:results", args=[survey.slug]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-count="6"' in html and "6 Antworten" in html
    assert "Koeln" not in html.split("<main")[1]
    assert (
        client.get(reverse("surveys:results", args=[survey.slug]) + "?format=csv").status_code
        == 403
    )
    own = client.get(reverse("surveys:municipality", args=["bochum"]))
    assert own.status_code == 200 and survey.title in own.content.decode()
    assert client.get(reverse("surveys:municipality", args=["koeln"])).status_code == 403


def test_anonymous_results_and_exports_name_no_organisation(client, survey, towns, network_user):
    services.update_survey(survey=survey, anonymous=True)
    rng = random.Random(7)
    names = []
    for i in range(6):
        invitation = invited(survey, towns[i % 2])
        names.append(invitation.organisation.name)
        answer(survey, {**MINIMAL, "comment": {"value": f"Kommentar {i}"}}, invitation=invitation)
    assert rng
    assert not Response.objects.filter(survey=survey, organisation__isnull=False).exists()
    assert not Response.objects.filter(survey=survey, invitation__isnull=False).exists()
    client.force_login(network_user)
    base = reverse("surveys:results", args=[survey.slug])
    html = client.get(base).content.decode()
    csv = client.get(base + "?format=csv").content.decode("utf-8-sig")
    book = load_workbook(io.BytesIO(client.get(base + "?format=xlsx").content))
    cells = " ".join(str(c.value) for row in book.active.iter_rows() for c in row)
    for name in names:
        assert name not in html and name not in csv and name not in cells
    for place in ("Bochum", "Koeln"):
        assert place not in csv and place not in cells
    assert "organisation" not in csv.splitlines()[0]
    assert "Kommentar 3" in html  # free texts are listed, without a name
    header, rows = exports.table(survey)
    assert [row[0] for row in rows] == list(range(1, 7))  # numbered, not database ids
    breakdown = client.get(base + "?dimension=municipality").content.decode()
    assert "Diese Aufschlüsselung gibt es hier nicht." in breakdown


def test_exports_of_a_personal_survey(client, survey, towns, network_user):
    answer(
        survey,
        {
            **MINIMAL,
            "support_wanted": {"keys": ["room", "__other__"], "other": "=HYPERLINK(1)"},
            "members": {"value": "12"},
        },
        invitation=invited(survey, towns[0]),
    )
    client.force_login(network_user)
    base = reverse("surveys:results", args=[survey.slug])
    csv = client.get(base + "?format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    header, row = [line.split(";") for line in text.splitlines()[:2]]
    record = dict(zip(header, row, strict=True))
    assert record["municipality"] == "Bochum" and record["region"] == "Arnsberg"
    assert record["support_wanted"] == "room|other"
    assert record["support_wanted_other"] == "'=HYPERLINK(1)"  # formula-safe
    assert record["members"] == "12"
    assert "@" not in text  # no e-mail address
    xlsx = client.get(base + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]][:3] == ["response", "organisation", "municipality"]
    assert client.get(base + "?format=pdf").status_code == 400


def test_results_page_charts_and_bad_breakdown_parameters(client, survey, towns, network_user):
    rng = random.Random(3)
    for _ in range(7):
        respond(survey, towns[0], rng)
    client.force_login(network_user)
    base = reverse("surveys:results", args=[survey.slug])
    page = client.get(base + "?question=support_wanted&dimension=municipality&choice=room")
    html = page.content.decode()
    assert page.status_code == 200 and 'id="breakdown-chart"' in html and "<svg" in html
    bad = client.get(base + "?question=nope&dimension=planet&choice=x").content.decode()
    assert "Unbekannte Frage „nope“" in bad and "Diese Aufschlüsselung gibt es hier nicht." in bad
    assert "Unbekannte Antwort „x“" in bad
    assert client.get(base).status_code == 200
    client.logout()
    assert client.get(base).status_code == 302
    assert MIN_CELL == 5


def _members(survey, towns, values):
    for value in values:
        answer(
            survey,
            {**MINIMAL, "members": {"value": str(value)}},
            invitation=invited(survey, towns[0]),
        )


def test_protected_views_never_show_min_or_max_of_a_number(
    survey, towns, q, municipal_user, client
):
    """Minimum and maximum are always one respondent's value: a municipality could tell
    whose (the one large association in town). Mean and median need MIN_CELL answers."""
    _members(survey, towns, [3, 8, 12, 20, 250])
    protected = {r.question.key: r for r in results.question_results(survey, protect=True)}
    assert protected["members"].stats == {"n": 5, "mean": 58.6, "median": 12.0}
    client.force_login(municipal_user)
    html = client.get(reverse("surveys:municipality", args=["bochum"])).content.decode()
    assert "Mittelwert 58,6" in html or "Mittelwert 58.6" in html
    assert "250" not in html.split("<main")[1]
    # The network team sees single responses of a personal survey anyway (exports).
    full = {r.question.key: r for r in results.question_results(survey)}
    assert (full["members"].stats["min"], full["members"].stats["max"]) == (3, 250)


def test_number_statistics_need_enough_answers(survey, towns):
    _members(survey, towns, [3, 8, 12, 20])
    protected = {r.question.key: r for r in results.question_results(survey, protect=True)}
    assert protected["members"].suppressed and protected["members"].stats is None
