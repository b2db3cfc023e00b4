"""The rules of the tree: codes unique per parent, targets of the 169, a measure below
exactly one operational goal, versions with the actor, a status change's history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mitmachkarte.core.concurrency import ConflictError, version_of
from mitmachkarte.strategy import services
from mitmachkarte.strategy.levels import FIELD, MEASURE, OPERATIONAL_GOAL, STRATEGIC_GOAL
from mitmachkarte.strategy.models import Measure, ProgressNote
from tests.factories import (
    MeasureFactory,
    MunicipalityFactory,
    OperationalGoalFactory,
    StrategyFactory,
    UserFactory,
    strategy_manager,
)

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def town(db):
    return MunicipalityFactory(name="Bochum", slug="bochum")


@pytest.fixture
def manager(town):
    return strategy_manager(town)


def _tree(town, manager):
    strategy = services.get_or_create_strategy(municipality=town, actor=manager)
    field = services.create_node(
        level=FIELD, parent=strategy, actor=manager, values={"code": "1", "title": "Konsum"}
    )
    goal = services.create_node(
        level=STRATEGIC_GOAL,
        parent=field,
        actor=manager,
        values={"code": "1.1", "title": "Ressourcen schonen", "targets": "12.5"},
    )
    ogoal = services.create_node(
        level=OPERATIONAL_GOAL,
        parent=goal,
        actor=manager,
        values={"code": "1.1.1", "title": "Reparieren statt wegwerfen"},
    )
    return strategy, field, goal, ogoal


def test_a_target_implies_its_goal_and_unknown_targets_are_refused(town, manager):
    _strategy, _field, goal, ogoal = _tree(town, manager)
    assert [s.number for s in goal.sdgs.all()] == [12]
    with pytest.raises(ValidationError) as caught:
        services.create_node(
            level=MEASURE,
            parent=ogoal,
            actor=manager,
            values={"code": "a", "title": "X", "targets": "12.5 12.99 99.1"},
        )
    assert "12.99" in caught.value.message_dict["targets"][0]
    with pytest.raises(ValidationError) as caught:
        services.create_node(
            level=MEASURE, parent=ogoal, actor=manager, values={"code": "b", "title": "X",
                                                               "sdgs": "18"}
        )  # fmt: skip
    assert "sdgs" in caught.value.message_dict
    assert not Measure.objects.exists()


def test_codes_are_unique_per_parent_only(town, manager):
    _strategy, field, goal, ogoal = _tree(town, manager)
    services.create_node(level=MEASURE, parent=ogoal, actor=manager,
                         values={"code": "1", "title": "A"})  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        services.create_node(level=MEASURE, parent=ogoal, actor=manager,
                             values={"code": "1", "title": "B"})  # fmt: skip
    assert "code" in caught.value.message_dict
    other = services.create_node(
        level=OPERATIONAL_GOAL, parent=goal, actor=manager, values={"code": "1.1.2", "title": "O"}
    )
    services.create_node(level=MEASURE, parent=other, actor=manager,
                         values={"code": "1", "title": "B"})  # fmt: skip
    assert Measure.objects.filter(code="1").count() == 2


def test_a_measure_belongs_below_an_operational_goal_of_the_same_strategy(town, manager):
    _strategy, field, goal, ogoal = _tree(town, manager)
    with pytest.raises(ValidationError):
        services.create_node(level=MEASURE, parent=goal, actor=manager,
                             values={"code": "1", "title": "A"})  # fmt: skip
    measure = services.create_node(
        level=MEASURE, parent=ogoal, actor=manager, values={"code": "1", "title": "A"}
    )
    with pytest.raises(ValidationError):
        services.move_node(node=measure, new_parent=goal, actor=manager)
    foreign = OperationalGoalFactory()
    with pytest.raises(ValidationError):
        services.move_node(node=measure, new_parent=foreign, actor=None)
    sibling = services.create_node(
        level=OPERATIONAL_GOAL, parent=goal, actor=manager, values={"code": "2", "title": "O2"}
    )
    moved = services.move_node(node=measure, new_parent=sibling, actor=manager)
    assert moved.operational_goal == sibling
    # a code taken in the new place blocks the move
    services.create_node(level=MEASURE, parent=ogoal, actor=manager,
                         values={"code": "1", "title": "B"})  # fmt: skip
    with pytest.raises(ValidationError):
        services.move_node(node=moved, new_parent=ogoal, actor=manager)


def test_a_status_change_keeps_its_history_and_versions_name_the_actor(town, manager):
    *_, ogoal = _tree(town, manager)
    measure = services.create_node(
        level=MEASURE, parent=ogoal, actor=manager, values={"code": "1", "title": "Repair-Café"}
    )
    services.update_node(node=measure, actor=manager, changes={"status": "running"},
                         note="Start im Mai")  # fmt: skip
    services.update_node(node=measure, actor=manager, changes={"status": "done"})
    services.update_node(node=measure, actor=manager, changes={"status": "done"})  # no change
    changes = list(
        ProgressNote.objects.filter(measure=measure).order_by("created_at")
        .values_list("status_from", "status_to", "text")
    )  # fmt: skip
    assert changes == [("planned", "running", "Start im Mai"), ("running", "done", "")]
    records = list(measure.history.order_by("history_date"))
    assert [r.status for r in records] == ["planned", "running", "done"]
    assert {r.history_user for r in records} == {manager}


def test_a_stale_form_is_refused_and_writes_nothing(town, manager):
    *_, ogoal = _tree(town, manager)
    token = version_of(ogoal, ["title", "description"])
    services.update_node(node=ogoal, actor=manager, changes={"title": "Neu"})
    with pytest.raises(ConflictError):
        services.update_node(
            node=ogoal,
            actor=manager,
            changes={"title": "Meins", "description": "x"},
            expected_version=token,
        )
    ogoal.refresh_from_db()
    assert (ogoal.title, ogoal.description) == ("Neu", "")


def test_only_the_municipality_and_the_network_team_write(town, manager):
    strategy = StrategyFactory(municipality=town)
    stranger = UserFactory()
    other_manager = strategy_manager(MunicipalityFactory())
    for actor in (stranger, other_manager):
        with pytest.raises(PermissionDenied):
            services.create_node(level=FIELD, parent=strategy, actor=actor,
                                 values={"code": "1", "title": "A"})  # fmt: skip
    from tests.factories import MembershipFactory, OrganisationFactory

    team = MembershipFactory(organisation=OrganisationFactory(type="network_team")).user
    services.create_node(level=FIELD, parent=strategy, actor=team,
                         values={"code": "1", "title": "A"})  # fmt: skip


def test_deleting_a_node_deletes_what_hangs_below(town, manager):
    strategy, field, goal, ogoal = _tree(town, manager)
    MeasureFactory(operational_goal=ogoal)
    services.delete_node(node=goal, actor=manager)
    assert not Measure.objects.exists()
    assert field.goals.count() == 0
