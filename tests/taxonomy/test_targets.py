from collections import Counter

import pytest

from mitmachkarte.taxonomy.models import SDGTarget
from mitmachkarte.taxonomy.targets import TARGETS

OFFICIAL_COUNTS = {
    1: 7,
    2: 8,
    3: 13,
    4: 10,
    5: 9,
    6: 8,
    7: 5,
    8: 12,
    9: 8,
    10: 10,
    11: 10,
    12: 11,
    13: 5,
    14: 10,
    15: 12,
    16: 12,
    17: 19,
}


def test_reference_list_is_complete_and_unique():
    numbers = [number for number, _en, _de in TARGETS]
    assert len(numbers) == 169 == len(set(numbers))
    assert Counter(int(n.split(".")[0]) for n in numbers) == OFFICIAL_COUNTS
    assert all(en.strip() and de.strip() for _n, en, de in TARGETS)


def test_numbers_are_consecutive_then_lettered_per_goal():
    for goal, count in OFFICIAL_COUNTS.items():
        rest = [n.split(".")[1] for n, _en, _de in TARGETS if n.startswith(f"{goal}.")]
        digits = [r for r in rest if r.isdigit()]
        letters = [r for r in rest if not r.isdigit()]
        assert digits == [str(i) for i in range(1, len(digits) + 1)]
        assert letters == [chr(ord("a") + i) for i in range(len(letters))]
        assert rest == digits + letters and len(rest) == count


@pytest.mark.django_db
def test_migration_loaded_every_target_in_order():
    assert SDGTarget.objects.count() == 169
    assert list(SDGTarget.objects.filter(sdg_id=8).values_list("number", flat=True)) == [
        "8.1",
        "8.2",
        "8.3",
        "8.4",
        "8.5",
        "8.6",
        "8.7",
        "8.8",
        "8.9",
        "8.10",
        "8.a",
        "8.b",
    ]
    assert Counter(SDGTarget.objects.values_list("sdg_id", flat=True)) == OFFICIAL_COUNTS


@pytest.mark.django_db
def test_api_lists_targets_and_filters_by_goal(client):
    everything = client.get("/api/v1/sdgs/targets").json()
    assert len(everything) == 169
    goal_17 = client.get("/api/v1/sdgs/targets?goal=17").json()
    assert [t["number"] for t in goal_17][-1] == "17.19" and len(goal_17) == 19
    assert goal_17[0] == {
        "number": "17.1",
        "goal": 17,
        "name_de": goal_17[0]["name_de"],
        "name_en": "Domestic resource mobilisation",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("goal", ["0", "18", "x", "1.1", "-3"])
def test_api_rejects_a_goal_that_does_not_exist(client, goal):
    response = client.get("/api/v1/sdgs/targets", {"goal": goal})
    assert response.status_code == 400
    assert response.json()["param"] == "goal"
