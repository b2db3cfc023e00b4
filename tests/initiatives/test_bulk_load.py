"""generate_entries' bulk-load mode (demo.bulk_load): the search triggers and secondary
indexes are dropped for the load and built once afterwards. The result must be what the
row-by-row path (triggers) gives, and the schema exactly what it was, on both backends.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from mitmachkarte.core.text import search_terms
from mitmachkarte.initiatives import map_changes, search, search_words, services
from mitmachkarte.initiatives.demo import bulk_load, generator
from mitmachkarte.initiatives.models import Initiative
from tests.db_statistics import has_planner_statistics
from tests.word_index import check_word_index

pytestmark = pytest.mark.django_db

COUNT = 40
TERMS = ["garten", "repair", "energie", "klima", "tausch", "fahrrad", "hilfe", "berlin", "str"]


def schema() -> list[tuple]:
    """The indexes and triggers of the loaded tables and the search tables, as SQL."""
    tables = [*bulk_load.loaded_tables(), search.FTS_TABLE, search.PG_TABLE]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                "WHERE type IN ('index', 'trigger', 'table') ORDER BY type, name"
            )
            return [r for r in cursor.fetchall() if r[2] in tables or r[0] == "trigger"]
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE tablename = ANY(%s) ORDER BY indexname",
            [tables],
        )
        rows = cursor.fetchall()
        cursor.execute(
            "SELECT tgname, tgenabled, pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE NOT tgisinternal ORDER BY tgname"
        )
        return rows + cursor.fetchall()


def check_search_index() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for fts in (search.FTS_TABLE, search_words.WORDS_TABLE):
                # rank 1: also compare the index with the content table.
                cursor.execute(f"INSERT INTO {fts}({fts}, rank) VALUES('integrity-check', 1)")
            cursor.execute(f"SELECT word FROM {search_words.VOCAB_TABLE}")  # noqa: S608
            vocabulary = {row[0] for row in cursor.fetchall()}
            texts = Initiative.objects.values_list("search_text", flat=True)
            assert {w for text in texts for w in text.split(" ")} <= vocabulary
            return
        cursor.execute(
            f"SELECT id, name, search_text FROM {search.PG_TABLE} ORDER BY id"  # noqa: S608
        )
        side = cursor.fetchall()
    assert side == list(Initiative.objects.order_by("pk").values_list("pk", "name", "search_text"))
    check_word_index()  # refilled after the load, in step with edits after it


def generate(load: str, *, count: int = COUNT, seed: int = 9) -> str:
    out = StringIO()
    call_command(
        "generate_entries", "--count", str(count), "--seed", str(seed), "--load", load, stdout=out
    )
    return out.getvalue()


def search_results() -> dict:
    """Per term: the slugs found and the ranked slugs (ids differ between two loads)."""
    slugs = dict(Initiative.objects.values_list("pk", "slug"))
    results = {}
    for term in TERMS:
        terms = search_terms(term)
        found = sorted(slugs[pk] for pk in search.matching_ids(terms))
        ranked = [slugs[pk] for pk in search.ranked_ids(terms, term)]
        results[term] = (found, ranked)
    return results


@pytest.fixture
def small_batches(reference_data, monkeypatch):
    monkeypatch.setattr(generator, "BATCH", 7)  # several committed batches


def test_bulk_load_finds_what_the_row_by_row_path_finds(small_batches):
    before, version = schema(), map_changes.current()
    assert "Bulk load" in generate("bulk")
    # One version per committed batch, one more once the search index is whole: nothing
    # cached under a version saw an incomplete index.
    assert map_changes.current() - version == -(-COUNT // generator.BATCH) + 1
    assert schema() == before  # every index and trigger back, with the same SQL
    assert bulk_load.pending() == []
    check_search_index()
    bulk = search_results()
    assert sum(len(found) for found, _ in bulk.values()) > COUNT  # the terms do find entries

    Initiative.objects.all().delete()
    assert "Bulk load" not in generate("rows")
    check_search_index()
    assert search_results() == bulk


def test_bulk_load_drops_and_restores_the_indexes(small_batches, monkeypatch):
    seen = {}

    def spy(*args, **kwargs):
        seen.setdefault("during", schema())
        return insert(*args, **kwargs)

    insert = generator.bulk.EntryWriter.insert
    monkeypatch.setattr(generator.bulk.EntryWriter, "insert", spy)
    before = schema()
    generate("bulk")
    dropped = set(before) - set(seen["during"])
    assert len(dropped) >= 6  # the secondary indexes (and on SQLite the search triggers)
    if connection.vendor == "sqlite":
        assert {r[1] for r in dropped} >= {
            "initiatives_search_ai",
            "initiatives_search_words_ai",
            "initiatives_search_vocab_words_ai",
            "initiative_status_name",
        }
    else:  # the search table's fill and the word index's trigger (refilled afterwards)
        assert {r[0] for r in dropped} >= {
            "initiatives_search_pg_upsert",
            "initiatives_search_words_pg",
        }
    assert schema() == before


def test_a_bulk_load_leaves_statistics_for_the_planner(small_batches):
    generate("bulk")
    assert has_planner_statistics("initiatives_initiative")


def test_edits_after_a_bulk_load_reach_the_search_index(small_batches):
    generate("bulk")
    entry = Initiative.objects.order_by("pk").last()
    services.update_initiative_fields(initiative=entry, changes={"name": "Zauberwürfelrunde"})
    assert search.matching_ids(search_terms("zauberwurfel")) == [entry.pk]
    gone = Initiative.objects.order_by("pk").first()
    gone.delete()
    check_search_index()
    assert gone.pk not in search.matching_ids(search_terms(gone.name))


class Crash(BaseException):
    pass


def test_an_interrupted_load_is_finished_by_the_next_run(small_batches, monkeypatch):
    before = schema()
    insert, calls = generator.bulk.EntryWriter.insert, []

    def dies_in_the_third_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise Crash
        return insert(*args, **kwargs)

    with monkeypatch.context() as m:  # the process dies: nothing of it runs any more
        m.setattr(generator.bulk.EntryWriter, "insert", dies_in_the_third_batch)
        m.setattr(bulk_load, "finish_pending", lambda: 0)
        with pytest.raises(Crash):
            generate("bulk")
    assert Initiative.objects.count() == 14  # two batches committed
    assert bulk_load.pending() and schema() != before

    out = generate("rows")
    assert "Finished an interrupted bulk load" in out
    assert f"{COUNT - 14} created, 14 already there" in out  # resumed, nothing twice
    assert bulk_load.pending() == []
    assert schema() == before
    check_search_index()
    for pk, name in Initiative.objects.values_list("pk", "name"):
        assert pk in search.matching_ids(search_terms(name))


@pytest.mark.parametrize(
    ("count", "existing", "expected"),
    [(1_000_000, 0, True), (20_000, 20_000, True), (20_000, 20_001, False), (19_999, 0, False)],
)
def test_the_bulk_load_is_taken_only_when_it_pays(count, existing, expected):
    assert bulk_load.pays(count=count, existing=existing) is expected
