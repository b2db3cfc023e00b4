"""Search pages at scale: the engine ranks and cuts a page, counts are exact and cached
by data version, and a slow typo search on PostgreSQL gives up instead of blocking."""

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from mitmachkarte.initiatives import search, search_typos, selectors
from mitmachkarte.initiatives.filters import parse_filter
from mitmachkarte.initiatives.lifecycle import set_status
from mitmachkarte.initiatives.models import Initiative, Status
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gardens(reference_data):
    made = []
    for i in range(30):
        made.append(
            InitiativeFactory(
                name=f"Treff {i:02d}",
                short_description="Wir pflegen einen Gemeinschaftsgarten",
                latitude=51.4,
                longitude=7.0 + i / 100,
            )
        )
    for i in range(5):
        made.append(
            InitiativeFactory(
                name=f"Garten {i}", short_description="Beete", latitude=52.0, longitude=8.0
            )
        )
    return made


def _names(ids):
    by_id = dict(Initiative.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [by_id[i] for i in ids]


def _page(flt, *, limit, offset):
    """(the count, the page's entries as (pk, name) in list order)."""
    count, page = selectors.initiative_page(flt, limit=limit, offset=offset)
    return count, list(zip(page.ids, _names(page.ids), strict=True))


def test_a_page_has_the_names_first_and_the_exact_count(gardens):
    count, items = _page(parse_filter(q="garten"), limit=10, offset=0)
    assert count == 35
    assert [name for _, name in items[:5]] == [f"Garten {i}" for i in range(5)]
    assert all(name.startswith("Treff") for _, name in items[5:])
    # Pages follow each other without gaps or repeats, also past the kept first pages.
    seen = []
    for offset in range(0, 40, 7):
        seen += selectors.initiative_page(parse_filter(q="garten"), limit=7, offset=offset)[1].ids
    assert sorted(seen) == sorted(g.pk for g in gardens)


def test_counts_are_exact_under_other_filters(gardens):
    flt = parse_filter(q="garten", bbox="7.95,51.9,8.05,52.1")
    count, items = _page(flt, limit=20, offset=0)
    assert count == 5 == len(items)
    assert count == selectors.filter_initiatives(flt).count()


def test_the_engine_cuts_the_page(gardens):
    ids = search.ranked_ids(["garten"], "garten", status=Status.PUBLISHED, limit=3, offset=4)
    assert _names(ids) == ["Garten 4", "Treff 00", "Treff 01"]


def test_cached_count_and_page_follow_the_data_version(gardens):
    flt = parse_filter(q="garten")
    assert selectors.initiative_page(flt, limit=5, offset=0)[0] == 35
    with CaptureQueriesContext(connection) as queries:
        count, items = selectors.initiative_page(flt, limit=5, offset=0)
    assert count == 35
    # Only the data version and the page's own rows: no search, no count.
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "initiatives_search" not in sql and "COUNT(" not in sql.upper()
    InitiativeFactory(name="Garten Neu", latitude=52.0, longitude=8.0)
    count, items = _page(flt, limit=6, offset=0)
    assert count == 36
    assert "Garten Neu" in [name for _, name in items]
    entry = Initiative.objects.get(name="Garten 0")
    set_status(initiative=entry, status=Status.ARCHIVED)
    count, items = _page(flt, limit=5, offset=0)
    assert count == 35 and "Garten 0" not in [name for _, name in items]


def test_a_typo_search_that_times_out_gives_no_typo_matches(monkeypatch, caplog):
    def cancelled(terms):
        raise OperationalError("canceling statement due to statement timeout")

    monkeypatch.setattr(search_typos, "_run_typo_query", cancelled)
    assert search.typo_ids(["bochun"]) == []
    assert "typo search cancelled" in caplog.text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statement_timeout: PostgreSQL")
def test_the_typo_timeout_does_not_outlive_the_typo_search(gardens):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        before = cursor.fetchone()[0]
        assert search.typo_ids(["gartem"]) is not None
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statement_timeout: PostgreSQL")
def test_a_real_timeout_is_caught(gardens, monkeypatch):
    monkeypatch.setattr(search_typos, "TYPO_TIMEOUT_MS", 1)
    monkeypatch.setattr(
        search_typos, "_pg_typo_where", lambda terms: ("pg_sleep(0.05) IS NOT NULL", [])
    )
    assert search.typo_ids(["gartem"]) == []
    assert Initiative.objects.count() == 35  # the connection is still usable
