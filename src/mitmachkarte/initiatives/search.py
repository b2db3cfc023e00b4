"""Full-text search behind one interface, with the best engine of each backend.

Both engines search the folded `search_text` column (see core.text), so the folding rules
hold everywhere: "koln"/"koeln" find Köln, "strasse" finds Straße, and a term matches
inside words ("garten" finds "Gemeinschaftsgarten").

- SQLite: an FTS5 table with the trigram tokenizer (kept in step by triggers), ranked by
  bm25, and one over the folded names alone (`search_name`) for "names first". A term
  inside few distinct words is matched through the word index and its vocabulary instead
  (search_words: same matches, no long trigram lists). Terms shorter than 3 characters,
  which trigrams cannot index, use LIKE.
- PostgreSQL: the word index and its vocabulary as on SQLite (search_words: postings
  read by index-only scans, names first from the postings of the names); else a narrow
  side table (kept in step by triggers) with a pg_trgm GIN index for the substring match.
  A stored german tsvector for ranking (ts_rank) and, when nothing matches exactly,
  trigram word similarity so typos ("Bochun") still find something.

Lists take their order and count from search_order; `ranked_ids` (one ranked scan of all
matches, the earlier way) stays for scripts/search_timing.py's comparison and the tests.
"""

import logging
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.db.models.expressions import RawSQL

from . import search_typos, search_words

TABLE = "initiatives_initiative"
FTS_TABLE = "initiatives_search"  # SQLite: FTS5, rowid = initiative id
NAMES_TABLE = "initiatives_search_names"  # SQLite: FTS5 over search_name, rowid = id
PG_TABLE = search_typos.PG_TABLE  # PostgreSQL: id, name, search_text, search_name, …

logger = logging.getLogger(__name__)


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


_like = search_words.like


def _sqlite_where(terms: list[str]) -> tuple[str, list]:
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    clauses, params = [], []
    words = search_words.match(long_terms)
    if words is not None:
        sql, params = words.ids_sql()
        clauses.append(f"id IN ({sql})")
    elif long_terms:
        clauses.append(f"id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)")
        params.append(" AND ".join(_fts_phrase(t) for t in long_terms))
    for term in short_terms:
        clauses.append("search_text LIKE %s ESCAPE '\\'")
        params.append(_like(term))
    return " AND ".join(clauses), params


def _pg_exact_where(terms: list[str], alias: str = "") -> tuple[str, list]:
    column = f"{alias}search_text"
    return (" AND ".join([f"{column} LIKE %s"] * len(terms)), [_like(t) for t in terms])


typo_ids = search_typos.typo_ids


def _pg_has_exact(terms: list[str]) -> bool:
    where, params = _pg_exact_where(terms)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {PG_TABLE} WHERE {where} LIMIT 1", params)
        return cursor.fetchone() is not None


_ASK = object()  # the word index not asked yet


def _pg_where(terms: list[str], alias: str = "", *, words=_ASK) -> tuple[str, list, bool]:
    """The exact match (through the word index when it answers), or the typo-tolerant one
    (as a list of ids) when nothing matches exactly. `alias`: "i." to qualify the columns;
    `words`: search_words.found_sql(terms), when the caller has asked it already."""
    if words is _ASK:
        words = search_words.found_sql(terms)
    if words is None and _pg_has_exact(terms):
        return (*_pg_exact_where(terms, alias), False)
    if words and words[0]:
        return f"{alias}id IN ({words[0]})", words[1], False
    return f"{alias}id = ANY(%s)", [typo_ids(terms)], True


def _where(terms: list[str], *, words=_ASK) -> tuple[str, list]:
    if connection.vendor == "postgresql":
        return _pg_where(terms, words=words)[:2]
    if connection.vendor == "sqlite":
        return _sqlite_where(terms)
    return (" AND ".join(["search_text LIKE %s"] * len(terms)), [_like(t) for t in terms])


def _source_table() -> str:
    return PG_TABLE if connection.vendor == "postgresql" else TABLE


def matching_ids_sql(terms: list[str]) -> RawSQL:
    """A subquery of the ids of all entries (any status) matching every term."""
    words = search_words.found_sql(terms) if connection.vendor == "postgresql" else _ASK
    if words is not _ASK and words and words[0]:  # the postings alone, not the table's rows
        return RawSQL(*words)
    where, params = _where(terms, words=words)
    return RawSQL(f"SELECT id FROM {_source_table()} WHERE {where}", params)


def matching_ids(terms: list[str]) -> np.ndarray:
    """Ids of all entries (any status) matching every term, ascending."""
    if not terms:
        return np.zeros(0, dtype=np.int64)
    words = search_words.match(terms)
    if words is not None:
        ids = _word_ids(words)
        if len(ids) or connection.vendor != "postgresql":
            return ids
        return np.sort(np.array(typo_ids(terms), dtype=np.int64))  # as _pg_where
    if connection.vendor == "sqlite" and all(len(t) >= 3 for t in terms):
        sql = f"SELECT rowid AS id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        params = [" AND ".join(_fts_phrase(t) for t in terms)]
    else:  # the word index does not answer (asked above): not again in _pg_where
        where, params = _where(terms, words=None)
        sql = f"SELECT id FROM {_source_table()} WHERE {where}"
    return np.sort(_id_array(sql, params))


def _word_ids(words: search_words.Words) -> np.ndarray:
    """Ids (ascending, once each) of the entries the word index finds for `words`."""
    if words.empty:
        return np.zeros(0, dtype=np.int64)
    return np.unique(_id_array(*words.ids_sql()))


def _id_array(sql: str, params: list) -> np.ndarray:
    """The ids `sql` selects (one column `id`), as one string from the database: a broad
    word's 100,000 ids cost a third of the time of as many rows."""
    if connection.vendor == "postgresql":
        joined = f"SELECT string_agg(id::text, ',') FROM ({sql}) AS found"
    elif connection.vendor == "sqlite":
        joined = f"SELECT group_concat(id) FROM ({sql}) AS found"
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return np.array([row[0] for row in cursor.fetchall()], dtype=np.int64)
    with connection.cursor() as cursor:
        cursor.execute(joined, params)
        return _parse_ids(cursor.fetchone()[0])


def _parse_ids(text: str | None) -> np.ndarray:
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)


def _names_first(terms: list[str], alias: str) -> tuple[str, list]:
    """1 when the entry's folded name (`search_name`) holds every term, else 0."""
    find = "strpos" if connection.vendor == "postgresql" else "instr"
    clauses = [f"{find}({alias}.search_name, %s) > 0"] * len(terms)
    return "(CASE WHEN " + " AND ".join(clauses) + " THEN 1 ELSE 0 END)", list(terms)


def name_matches(terms: list[str]) -> np.ndarray:
    """Ids (ascending) of the entries (any status) whose folded name holds every term."""
    long_terms = [t for t in terms if len(t) >= 3]
    short = [t for t in terms if len(t) < 3]
    if not terms:
        return np.zeros(0, dtype=np.int64)
    if connection.vendor == "sqlite" and long_terms:
        sql = (
            f"SELECT n.rowid AS id FROM {NAMES_TABLE} n"
            + (f" CROSS JOIN {TABLE} i ON i.id = n.rowid" if short else "")
            + f" WHERE {NAMES_TABLE} MATCH %s"
            + "".join(" AND instr(i.search_name, %s) > 0" for _ in short)
        )
        params = [" AND ".join(_fts_phrase(t) for t in long_terms), *short]
    else:
        escape = " ESCAPE '\\'" if connection.vendor == "sqlite" else ""
        where = " AND ".join([f"search_name LIKE %s{escape}"] * len(terms))
        sql = f"SELECT id FROM {_source_table()} WHERE {where}"
        params = [_like(t) for t in terms]
    return np.sort(_id_array(sql, params))


def texts(ids: np.ndarray) -> dict[int, tuple[str, str]]:
    """The folded name and search text of a few hundred entries, by id."""
    if not len(ids):
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, search_name, search_text FROM {_source_table()} WHERE id IN "
            f"({', '.join(['%s'] * len(ids))})",
            [int(i) for i in ids],
        )
        return {row[0]: (row[1], row[2]) for row in cursor.fetchall()}


K1, B = 1.2, 0.75  # BM25's usual constants


def relevance(terms: list[str], text: str, average_length: float) -> float:
    """BM25 of the folded `text` for the terms (substring occurrences, every term weighed
    alike): more occurrences and shorter texts score higher. Computed here, the same on
    every backend, for a few hundred matches at most."""
    norm = K1 * (1 - B + B * len(text) / (average_length or 1.0))
    return sum(tf * (K1 + 1) / (tf + norm) for tf in (text.count(t) for t in terms))


def _within(within, alias: str) -> tuple[str, list]:
    if within is None:
        return "", []
    sql, params = within.values("pk").query.sql_with_params()
    return f" AND {alias}.id IN ({sql})", list(params)


def _window(limit: int | None, offset: int) -> str:
    if limit is None:
        return f" LIMIT -1 OFFSET {int(offset)}" if connection.vendor == "sqlite" else ""
    return f" LIMIT {int(limit)} OFFSET {int(offset)}"


def ranked_ids(
    terms: list[str],
    query: str,
    *,
    within=None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    counted: bool = False,
):
    """Ids of the entries matching every term (and in the queryset `within`, and of
    `status`), best first: names holding every term, then the engine's relevance, then by
    name.

    The engine sorts and cuts (LIMIT): a page of a broad word costs one ordered scan of
    its matches in SQL, no Python per match. `counted`: (ids, the number of all matches),
    counted in the same scan.
    """
    if not terms:
        return []
    names_sql, names_params = _names_first(terms, "i")
    within_sql, within_params = _within(within, "i")
    join = ""
    if status is not None:
        # A join, not `IN (SELECT … WHERE status = …)`, which would read every entry.
        column = "t.status" if connection.vendor == "postgresql" else "i.status"
        within_sql += f" AND {column} = %s"
        within_params.append(status)
        if connection.vendor == "postgresql":
            join = f" JOIN {TABLE} t ON t.id = i.id"
    if connection.vendor == "sqlite" and any(len(t) >= 3 for t in terms):
        # bm25 (FTS5's rank) favours short texts that hold the terms, such as names.
        match = " AND ".join(_fts_phrase(t) for t in terms if len(t) >= 3)
        short = [t for t in terms if len(t) < 3]
        sql = (
            # CROSS JOIN: SQLite keeps the FTS table as the outer loop (else it may scan
            # the entries and run the MATCH once per row: seconds at 100,000).
            f"SELECT i.id FROM {FTS_TABLE} f CROSS JOIN {TABLE} i ON i.id = f.rowid "
            f"WHERE {FTS_TABLE} MATCH %s"
            + "".join(" AND i.search_text LIKE %s ESCAPE '\\'" for _ in short)
            + within_sql
            + f" ORDER BY {names_sql} DESC, f.rank, i.name, i.id"
        )
        params = [match, *(_like(t) for t in short), *within_params, *names_params]
    elif connection.vendor == "postgresql":
        where, params, typos = _pg_where(terms, "i.")
        if typos:  # in the order of similarity
            sql = (
                f"SELECT i.id FROM {PG_TABLE} i{join} WHERE {where}{within_sql} "
                "ORDER BY array_position(%s, i.id)"
            )
            params = [*params, *within_params, params[0]]
        else:
            sql = (
                f"SELECT i.id FROM {PG_TABLE} i{join} WHERE {where}{within_sql} ORDER BY "
                f"{names_sql} DESC, "
                "ts_rank(i.search_vector, plainto_tsquery('german', %s)) DESC, i.name, i.id"
            )
            params = [*params, *within_params, *names_params, query]
    else:
        where, params = _where(terms)
        sql = (
            f"SELECT i.id FROM {TABLE} i WHERE {where}{within_sql} "
            f"ORDER BY {names_sql} DESC, i.name, i.id"
        )
        params = [*params, *within_params, *names_params]
    if counted:
        sql = sql.replace("SELECT i.id FROM", "SELECT i.id, count(*) OVER () FROM", 1)
    with connection.cursor() as cursor:
        cursor.execute(sql + _window(limit, offset), params)
        rows = cursor.fetchall()
    ids = [row[0] for row in rows]
    if not counted:
        return ids
    if rows or not offset:
        return ids, rows[0][1] if rows else 0
    return ids, len(ranked_ids(terms, query, within=within, status=status))


# Up to this many matches (in all entries) are ordered by relevance (`relevance`, every
# text read); more are ordered by name (search_order).
RANK_AT_MOST = 500


@dataclass
class Found:
    """All entries (any status) matching every term: `ids` ascending, or, if `typos`
    (PostgreSQL, nothing matched exactly), the close matches best first. `named`: those
    whose name holds every term, when the same scan found them (PostgreSQL)."""

    ids: np.ndarray
    typos: bool = False
    named: np.ndarray | None = None


def find(terms: list[str]) -> Found:
    words = search_words.match(terms)
    if words is not None:  # each term inside few words: the word index
        ids = _word_ids(words)
        if connection.vendor != "postgresql":  # SQLite: the caller asks the names index
            return Found(ids)
        if len(ids):  # names from their own postings, no row read
            return Found(ids, named=np.intersect1d(ids, _id_array(*words.named_sql())))
        return Found(np.array(typo_ids(terms), dtype=np.int64), typos=True)
    if connection.vendor == "sqlite" and terms and all(len(t) >= 3 for t in terms):
        # A broad word stops after RANK_AT_MOST + 1 rows; few matches are all read here.
        # (No bm25 here: FTS5 would count the phrase's matches in a full scan for it.)
        match = " AND ".join(_fts_phrase(t) for t in terms)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                f"LIMIT {int(RANK_AT_MOST) + 1}",
                [match],
            )
            rows = cursor.fetchall()
        if len(rows) <= RANK_AT_MOST:
            return Found(np.sort(np.array([r[0] for r in rows], dtype=np.int64)))
    if connection.vendor != "postgresql" or not terms:
        return Found(matching_ids(terms))
    # The name check rides along: the row is read for the substring recheck anyway.
    where, params = _pg_exact_where(terms)
    named_where = " AND ".join(["search_name LIKE %s"] * len(terms))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT string_agg(id::text, ','), "
            f"string_agg(CASE WHEN {named_where} THEN id::text END, ',') "
            f"FROM {PG_TABLE} WHERE {where}",
            [*(_like(t) for t in terms), *params],
        )
        ids, named = cursor.fetchone()
    if ids:
        return Found(np.sort(_parse_ids(ids)), named=np.sort(_parse_ids(named)))
    return Found(np.array(typo_ids(terms), dtype=np.int64), typos=True)
