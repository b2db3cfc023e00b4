from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mitmachkarte.core.geo import Area
from mitmachkarte.core.text import fold
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_load_demo_is_idempotent(reference_data):
    first = run("load_demo", "--count", "60")
    assert "Municipalities: 396 created" in first
    assert "Initiatives: 60 created, 0 already there" in first
    snapshot = dict(Initiative.objects.values_list("slug", "municipality_id"))

    second = run("load_demo", "--count", "60")
    assert "0 created, 0 updated, 396 unchanged" in second
    assert "Initiatives: 0 created, 60 already there" in second
    assert Initiative.objects.count() == 60
    assert Municipality.objects.count() == 396
    assert dict(Initiative.objects.values_list("slug", "municipality_id")) == snapshot


def test_demo_entries_are_published_and_inside_nrw(reference_data):
    run("load_demo", "--count", "60")
    entries = list(Initiative.objects.select_related("municipality"))
    assert len(entries) == 60
    assert {e.status for e in entries} == {Status.PUBLISHED}
    assert all(e.municipality is not None for e in entries)
    assert all(e.municipality.ags.startswith("05") for e in entries)
    for e in entries:
        # The located municipality's boundary really contains the point.
        assert Area(e.municipality.boundary).contains(e.latitude, e.longitude), e.slug
        assert e.categories.exists()
        # Bulk-created, yet the derived search text is what the service would compute.
        expected = e.build_search_text(
            tag_names=[t.name for t in e.tags.all()], municipality_name=e.municipality.name
        )
        assert set(e.search_text.split()) == set(expected.split()), e.slug
        assert fold(e.municipality.name) in e.search_text
        assert e.contact_email.endswith(".example")
        assert len(e.short_description) <= 250
    assert len({e.slug for e in entries}) == 60


def names_after_generate(seed: int) -> list[str]:
    run("generate_entries", "--count", "200", "--seed", str(seed))
    return list(Initiative.objects.order_by("name").values_list("name", flat=True))


def test_generate_entries_is_reproducible(reference_data):
    first = names_after_generate(3)
    assert len(first) == 200
    assert Municipality.objects.count() > 10_000
    states = set(Initiative.objects.values_list("municipality__state", flat=True))
    assert len(states) > 3  # Germany-wide, not only NRW
    assert Initiative.objects.filter(status=Status.PUBLISHED).count() == 200

    Initiative.objects.all().delete()
    assert names_after_generate(3) == first
    # Running again with the same seed adds nothing.
    assert "0 created, 200 already there" in run(
        "generate_entries", "--count", "200", "--seed", "3"
    )
    assert Initiative.objects.count() == 200

    Initiative.objects.all().delete()
    assert names_after_generate(4) != first


@pytest.mark.parametrize("count", ["0", "1000001"])
def test_generate_entries_rejects_bad_counts(count):
    with pytest.raises(CommandError, match="--count"):
        call_command("generate_entries", "--count", count)
    assert Initiative.objects.count() == 0
