"""The main queries can use their indexes, on SQLite and on PostgreSQL.

PostgreSQL prefers a sequential scan on a tiny test table, so the planner is told to avoid
one (`enable_seqscan = off`): what is checked is that an index *can* serve the query.
"""

import pytest
from django.db import connection, transaction

from mitmachkarte.initiatives import search, search_words, selectors
from mitmachkarte.initiatives.demo import generator
from mitmachkarte.initiatives.filters import parse_filter
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(reference_data):
    towns = [MunicipalityFactory(slug="testort")] + MunicipalityFactory.create_batch(20)
    generator.save(generator.plan(municipalities=towns, count=800, seed=5))
    generator.save(generator.plan(municipalities=towns, count=200, seed=6), status="draft")


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE initiatives_initiative")
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())


def test_bbox_query_uses_the_position_index(entries):
    qs = selectors.filter_initiatives(parse_filter(bbox="7,51,7.1,51.1"))
    text = plan(qs.order_by().values("pk"))
    assert "initiative_status_lat" in text or "initiative_status_lon" in text, text


def test_municipality_filter_uses_its_index(entries):
    qs = selectors.filter_initiatives(parse_filter(municipality="testort"))
    text = plan(qs.order_by().values("pk"))
    # Either the composite (status, municipality) index or Django's own FK index.
    assert "initiative_status_muni" in text or "municipality_id_" in text, text


def test_directory_order_uses_the_name_index(entries):
    qs = selectors.published().order_by("name").values("pk")[:20]
    assert "initiative_status_name" in plan(qs)


@pytest.mark.parametrize("max_words", [search_words.MAX_WORDS, 0])
def test_search_uses_the_full_text_engine(entries, monkeypatch, max_words):
    # The query the map index and the list run for a search (search.matching_ids); with
    # MAX_WORDS 0 every term goes the trigram way.
    monkeypatch.setattr(search_words, "MAX_WORDS", max_words)
    where = search.matching_ids_sql(["garten"])
    sql, params = where.sql, where.params
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE initiatives_search_pg")
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")  # bitmap scans only
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        text = "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())
    if connection.vendor == "postgresql" and max_words:
        assert "initiatives_search_postings_pg_pkey" in text, text  # the word index
    elif connection.vendor == "postgresql":
        assert "initiatives_search_pg_trgm" in text, text
    else:
        assert "VIRTUAL TABLE INDEX" in text, text
