"""The SDG report: per-source counts equal direct queries; strategy analysis; CSV."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mitmachkarte.events.models import Event
from mitmachkarte.groups import cooperations as group_cooperations
from mitmachkarte.groups import services as group_services
from mitmachkarte.groups.models import Cooperation, WorkingGroup
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.organisations.models import OrganisationType
from mitmachkarte.sdgreport import selectors, services
from mitmachkarte.sdgreport.models import StrategyPriority
from mitmachkarte.support.models import Need
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    NeedFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def landscape(reference_data):
    """A town with initiatives, events, cooperations (one pending, one ended) and groups,
    and a neighbour whose activity must not count."""
    town = MunicipalityFactory(
        name="Bochum", slug="bochum", latitude=51.48, longitude=7.22, with_boundary=True
    )
    other = MunicipalityFactory(
        name="Herne", slug="herne", latitude=51.1, longitude=8.3, with_boundary=True
    )
    city = OrganisationFactory(type=OrganisationType.MUNICIPALITY, municipality=town)
    manager = MembershipFactory(organisation=city).user
    sdg_sets = [[12, 13], [12], [7, 13], [11], [], [1, 12, 17]]
    initiatives = [
        InitiativeFactory(latitude=51.48 + i * 0.001, longitude=7.22, sdgs=s)
        for i, s in enumerate(sdg_sets)
    ]
    InitiativeFactory(latitude=51.1, longitude=8.3, sdgs=[12, 5])  # in the neighbour
    InitiativeFactory(latitude=51.48, longitude=7.221, sdgs=[6], status="draft")
    EventFactory(municipalities=[town], sdgs=[12, 13])
    EventFactory(municipalities=[town, other], sdgs=[13])
    EventFactory(municipalities=[other], sdgs=[12])
    EventFactory(municipalities=[town], sdgs=[4], status="pending")
    today = timezone.localdate()
    for index, initiative in enumerate(initiatives[:4]):
        org = OrganisationFactory(
            type=OrganisationType.INITIATIVE, initiative=initiative, name=f"Ini {index}"
        )
        editor = MembershipFactory(organisation=org).user
        cooperation = group_cooperations.record_cooperation(
            user=editor,
            organisation=org,
            counterpart=city,
            type="room",
            since=date(2025, 1, 1),
            until=today - timedelta(days=1) if index == 3 else None,
        )
        if index != 2:  # index 2 stays pending
            group_cooperations.confirm_cooperation(cooperation=cooperation, user=manager)
        # Needs: Ini 0 and Ini 1 solved one here, Ini 2's is still open, Ini 0 solved one in
        # the neighbour too.
        NeedFactory(organisation=org, municipality=town, status="solved" if index < 2 else "open")
        if index == 0:
            NeedFactory(organisation=org, municipality=other, status="solved")
    group_services.create_group(
        name="AG Klima", created_by=manager, municipality=town, sdgs=[13, 7]
    )
    group_services.create_group(
        name="AG intern", created_by=manager, municipality=town, sdgs=[13], visibility="members"
    )
    group_services.create_group(name="AG Herne", created_by=manager, municipality=other, sdgs=[13])
    services.set_strategy(municipality=town, by=manager, goals=[13, 15], targets=["12.3"])
    return town, manager


def direct_counts(town, goal):
    """The same numbers, queried the plain way."""
    today = timezone.localdate()
    return {
        "initiatives": Initiative.objects.filter(status="published", municipality=town, sdgs=goal)
        .distinct()
        .count(),
        "events": Event.objects.filter(status="published", municipalities=town, sdgs=goal)
        .distinct()
        .count(),
        "cooperations": sum(
            1
            for c in Cooperation.objects.filter(municipality=town, status="confirmed")
            if (c.until is None or c.until >= today)
            and c.initiative_organisation.initiative.sdgs.filter(number=goal).exists()
        ),
        "working_groups": WorkingGroup.objects.filter(municipality=town, sdgs=goal).count(),
        "solved_needs": Need.objects.filter(
            status="solved", municipality=town, organisation__initiative__sdgs=goal
        )
        .distinct()
        .count(),
    }


def test_report_counts_equal_direct_queries(landscape):
    town, _manager = landscape
    report = selectors.sdg_report(town)
    assert [row.sdg.number for row in report.rows] == list(range(1, 18))
    for row in report.rows:
        assert row.counts == direct_counts(town, row.sdg.number), row.sdg.number
        assert row.total == sum(row.counts.values())
    by_goal = {row.sdg.number: row for row in report.rows}
    assert by_goal[12].counts == {
        "initiatives": 3,
        "events": 1,
        "cooperations": 2,
        "working_groups": 0,
        "solved_needs": 2,
    }
    assert by_goal[13].counts["solved_needs"] == 1  # Ini 0 only; its Herne need not
    assert by_goal[13].counts["working_groups"] == 2
    assert by_goal[12].cooperating == ["Ini 0", "Ini 1"]  # Ini 2 pending, Ini 3 ended


def test_strategy_analysis(landscape):
    town, _manager = landscape
    report = selectors.sdg_report(town)
    by_goal = {row.sdg.number: row for row in report.rows}
    assert by_goal[12].prioritised and by_goal[12].targets == ["12.3"]
    assert {r.sdg.number for r in report.rows if r.prioritised} == {12, 13, 15}
    assert [r.sdg.number for r in report.low_activity] == [15]
    assert [r.sdg.number for r in report.no_partners] == [15]  # 13: Ini 0 cooperates
    average = sum(r.total for r in report.rows) / 17
    assert [r.sdg.number for r in report.unprioritised_active] == [
        r.sdg.number
        for r in report.rows
        if not r.prioritised and r.total >= average and r.total > 0
    ]
    assert 7 in [r.sdg.number for r in report.unprioritised_active]


def test_a_new_source_is_one_function(landscape):
    town, _manager = landscape

    def count_nothing_but_goal_5(municipality, today):
        return {5: 42}

    sources = [*selectors.SOURCES, selectors.Source("made_up", "Made up", count_nothing_but_goal_5)]
    report = selectors.sdg_report(town, sources=sources)
    assert report.rows[4].counts["made_up"] == 42 and report.rows[4].total == 42


def test_unknown_target_number_changes_nothing(landscape):
    town, manager = landscape
    before = list(StrategyPriority.objects.values_list("sdg_id", "target__number"))
    for bad in (["99.1"], ["1.c"], ["12.3", "17.20"]):
        with pytest.raises(ValidationError) as exc:
            services.set_strategy(municipality=town, by=manager, goals=[1], targets=bad)
        assert "Es gibt kein SDG-Unterziel" in str(exc.value)
    with pytest.raises(ValidationError):
        services.set_strategy(municipality=town, by=manager, goals=[18])
    assert list(StrategyPriority.objects.values_list("sdg_id", "target__number")) == before


def test_only_the_municipality_sets_its_strategy(landscape, client):
    town, _manager = landscape
    other_city = OrganisationFactory(
        type=OrganisationType.MUNICIPALITY, municipality=MunicipalityFactory()
    )
    stranger = MembershipFactory(organisation=other_city).user
    with pytest.raises(PermissionDenied):
        services.set_strategy(municipality=town, by=stranger, goals=[1])
    client.force_login(stranger)
    assert client.get("/kommunen/bochum/strategie/prioritaeten/").status_code == 403


def test_strategy_form_shows_a_clear_error(landscape, client):
    town, manager = landscape
    client.force_login(manager)
    response = client.post(
        "/kommunen/bochum/strategie/prioritaeten/", {"goals": ["3"], "targets": "3.1 3.x"}
    )
    assert response.status_code == 400
    assert "3.x" in response.content.decode()
    assert not StrategyPriority.objects.filter(sdg_id=3).exists()
    ok = client.post(
        "/kommunen/bochum/strategie/prioritaeten/", {"goals": ["3"], "targets": "3.d, 11.6"}
    )
    assert ok.status_code == 302
    assert sorted(
        StrategyPriority.objects.exclude(target=None).values_list("target__number", flat=True)
    ) == ["11.6", "3.d"]


def test_report_page_and_csv(landscape, client):
    town, _manager = landscape
    page = client.get("/kommunen/bochum/sdg-bericht/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('data-sdg="') == 17 and "#3F7E44" in html  # SDG 13's colour
    response = client.get("/kommunen/bochum/sdg-bericht/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["sdg", "name", "prioritised", "prioritised_targets"]
    assert len(rows) == 18
    report = selectors.sdg_report(town)
    assert [int(r[rows[0].index("total")]) for r in rows[1:]] == [r.total for r in report.rows]
    solved = rows[0].index("solved_needs")
    assert [int(r[solved]) for r in rows[1:]] == [r.counts["solved_needs"] for r in report.rows]
    assert "Gelöste Bedarfe" in html
    assert "@" not in text  # no personal e-mail addresses
    assert client.get("/kommunen/bochum/sdg-bericht/?format=pdf").status_code == 400
    assert client.get("/kommunen/nirgendwo/sdg-bericht/").status_code == 404


def test_network_shows_confirmed_active_cooperations_and_groups(landscape, client):
    town, _manager = landscape
    from mitmachkarte.sdgreport.network import network_of

    graph = network_of(town)
    cooperation_edges = [e for e in graph.edges if e.kind != "membership"]
    assert sorted(e.target.label for e in cooperation_edges) == ["Ini 0", "Ini 1"]
    assert {n.kind for n in graph.nodes} >= {"municipality", "initiative", "working_group"}
    assert graph.nodes[0].kind == "municipality"
    again = network_of(town)
    assert [(n.key, n.x, n.y) for n in again.nodes] == [(n.key, n.x, n.y) for n in graph.nodes]
    page = client.get("/kommunen/bochum/netzwerk/")
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and "Ini 1" in html
    assert html.count("<line ") == len(graph.edges)
