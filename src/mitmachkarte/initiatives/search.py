"""Full-text search behind one interface, with the best engine of each backend.

Both engines search the folded `search_text` column (see core.text), so the folding rules
hold everywhere: "koln"/"koeln" find Köln, "strasse" finds Straße, and a term matches
inside words ("garten" finds "Gemeinschaftsgarten").

- SQLite: an FTS5 table with the trigram tokenizer (kept in step by triggers), ranked by
  bm25. Terms shorter than 3 characters, which trigrams cannot index, use LIKE.
- PostgreSQL: a narrow side table (kept in step by triggers) with a pg_trgm GIN index for
  the substring match, a stored german tsvector for ranking (ts_rank) and, when nothing
  matches exactly, trigram word similarity so typos ("Bochun") still find something.
"""

from django.db import connection
from django.db.models.expressions import RawSQL

TABLE = "initiatives_initiative"
FTS_TABLE = "initiatives_search"  # SQLite: FTS5, rowid = initiative id
PG_TABLE = "initiatives_search_pg"  # PostgreSQL: id, name, search_text, search_vector


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _sqlite_where(terms: list[str]) -> tuple[str, list]:
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    clauses, params = [], []
    if long_terms:
        clauses.append(f"id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)")
        params.append(" AND ".join(_fts_phrase(t) for t in long_terms))
    for term in short_terms:
        clauses.append("search_text LIKE %s ESCAPE '\\'")
        params.append(_like(term))
    return " AND ".join(clauses), params


def _pg_exact_where(terms: list[str]) -> tuple[str, list]:
    return (" AND ".join(["search_text LIKE %s"] * len(terms)), [_like(t) for t in terms])


TYPO_MIN_LENGTH = 4
TYPO_SIMILARITY = 0.7


def _pg_typo_where(terms: list[str]) -> tuple[str, list]:
    # `<%` (word similarity >= 0.6, the pg_trgm default) can use the GIN index; the
    # explicit check then keeps only close matches, so typo results stay relevant.
    clauses, params = [], []
    for term in terms:
        if len(term) < TYPO_MIN_LENGTH:
            clauses.append("search_text LIKE %s")
            params.append(_like(term))
        else:
            clauses.append(
                "(search_text LIKE %s OR (%s <%% search_text "
                "AND word_similarity(%s, search_text) >= %s))"
            )
            params += [_like(term), term, term, TYPO_SIMILARITY]
    return " AND ".join(clauses), params


def _pg_where(terms: list[str]) -> tuple[str, list, bool]:
    """The exact match, or the typo-tolerant one when nothing matches exactly."""
    where, params = _pg_exact_where(terms)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {PG_TABLE} WHERE {where} LIMIT 1", params)
        if cursor.fetchone():
            return where, params, False
    return (*_pg_typo_where(terms), True)


def _where(terms: list[str]) -> tuple[str, list]:
    if connection.vendor == "postgresql":
        return _pg_where(terms)[:2]
    if connection.vendor == "sqlite":
        return _sqlite_where(terms)
    return (" AND ".join(["search_text LIKE %s"] * len(terms)), [_like(t) for t in terms])


def _source_table() -> str:
    return PG_TABLE if connection.vendor == "postgresql" else TABLE


def matching_ids_sql(terms: list[str]) -> RawSQL:
    """A subquery of the ids of all entries (any status) matching every term."""
    where, params = _where(terms)
    return RawSQL(f"SELECT id FROM {_source_table()} WHERE {where}", params)


def matching_ids(terms: list[str]) -> list[int]:
    """Ids of all entries (any status) matching every term, in no particular order."""
    if not terms:
        return []
    if connection.vendor == "sqlite" and all(len(t) >= 3 for t in terms):
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        params = [" AND ".join(_fts_phrase(t) for t in terms)]
    else:
        where, params = _where(terms)
        sql = f"SELECT id FROM {_source_table()} WHERE {where}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def ranked_ids(terms: list[str], query: str) -> list[int]:
    """Ids of all entries matching every term, best first.

    The engines' ranking costs grow with the number of matches (bm25 or ts_rank for each):
    callers use it for bounded result sets (see map_index.RANK_AT_MOST).
    """
    if not terms:
        return []
    if connection.vendor == "sqlite" and any(len(t) >= 3 for t in terms):
        # bm25 (FTS5's rank) favours short texts that hold the terms, such as names.
        match = " AND ".join(_fts_phrase(t) for t in terms if len(t) >= 3)
        short = [t for t in terms if len(t) < 3]
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        if short:
            sql += (
                f" AND rowid IN (SELECT id FROM {TABLE} WHERE "
                + " AND ".join(["search_text LIKE %s ESCAPE '\\'"] * len(short))
                + ")"
            )
        sql += " ORDER BY rank"
        params = [match, *(_like(t) for t in short)]
    elif connection.vendor == "postgresql":
        # Names holding the first term first (search_text starts with the folded name),
        # then ts_rank; typo matches by trigram similarity instead (costly on long texts,
        # so only for them).
        where, params, typos = _pg_where(terms)
        order = (
            "word_similarity(%s, search_text) DESC"
            if typos
            else "ts_rank(search_vector, plainto_tsquery('german', %s)) DESC"
        )
        sql = (
            f"SELECT id FROM {PG_TABLE} WHERE {where} ORDER BY "
            f"strpos(search_text, %s) NOT BETWEEN 1 AND length(name) + 1, {order}, name"
        )
        params = [*params, terms[0], query]
    else:
        where, params = _where(terms)
        sql = f"SELECT id FROM {TABLE} WHERE {where} ORDER BY name"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
