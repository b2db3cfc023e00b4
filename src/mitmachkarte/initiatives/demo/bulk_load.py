"""A bulk-load mode for big generations: index afterwards, not row by row.

Filled row by row, the search index (FTS5 trigram of the ~1,200-character folded
`search_text` on SQLite, the side table with two GIN indexes on PostgreSQL) and the
secondary B-tree indexes cost most of a generation. Around a big load this module

1. reads what to suspend from the database's own catalogue (so an FTS table, trigger or
   index that a later migration adds is covered without being named here): the secondary
   indexes of the initiative table and its m2m tables (not the unique ones, which guard
   data), and on SQLite the triggers whose only effect is to keep an external-content FTS5
   table over those tables in step; on PostgreSQL the trigger that fills the search table;
2. writes the statements that undo it into the table PENDING (one row each, in order)
   and drops the indexes and triggers, in one committed transaction;
3. lets the caller insert in batches, each committed;
4. runs the pending statements in order, each in a transaction with the deletion of its
   row: on SQLite indexes, triggers, then the full refill of every FTS5 table ('rebuild');
   on PostgreSQL the trigger, its upsert for every row that differs, the word index's
   refill (search_words.REFILL_PG, its trigger off meanwhile), then the indexes.

A crash between 2 and 4 leaves the pending rows: `finish_pending()`, which every
`generate_entries` calls first, completes them, so running the command again (same seed
and count: the entries already written are skipped) repairs the database and resumes.
While a load runs, new entries are not yet searchable and edits of other entries reach the
search index only with step 4.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from .. import search_words
from ..models import Initiative

PENDING = "initiatives_bulk_load_pending"
FAST_FROM = 20_000  # below, dropping and rebuilding costs more than it saves
# SQLite page cache while loading (KiB): index builds and the FTS rebuild sort in it.
LOAD_CACHE_KIB = 256 * 1024
PG_SEARCH_TABLE = "initiatives_search_pg"
PG_FILL_TRIGGER = "initiatives_search_pg_upsert"


def pays(*, count: int, existing: int) -> bool:
    """Whether a load of `count` entries into a table of `existing` ones should use the
    bulk-load mode: the rebuild afterwards reads every row, old and new, so the new ones
    must be many and not few next to the old ones (see docs/operations.md)."""
    return count >= FAST_FROM and count >= existing


def loaded_tables() -> list[str]:
    through = [
        f.remote_field.through._meta.db_table
        for f in Initiative._meta.many_to_many
        if f.remote_field.through._meta.auto_created
    ]
    return [Initiative._meta.db_table, *through]


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


# --- SQLite -------------------------------------------------------------------------------

_CONTENT = re.compile(r"\bcontent\s*=\s*['\"]?(\w+)", re.IGNORECASE)
_WRITES = re.compile(
    r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"'`\[]?(\w+)",
    re.IGNORECASE,
)


def _sqlite_fts_tables(cursor, tables: list[str]) -> list[str]:
    """External-content FTS5 tables whose content is one of `tables`."""
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
    )
    found = []
    for name, sql in cursor.fetchall():
        match = _CONTENT.search(sql)
        if "fts5" in sql.lower() and match and match.group(1) in tables:
            found.append(name)
    return found


def _sqlite_plan(cursor, tables: list[str]) -> tuple[list[str], list[str]]:
    marks = ", ".join(["%s"] * len(tables))
    fts = _sqlite_fts_tables(cursor, tables)
    kinds = "type IN ('index', 'trigger') AND sql IS NOT NULL"
    query = f"SELECT type, name, sql FROM sqlite_master WHERE {kinds} AND tbl_name IN ({marks})"  # noqa: S608
    cursor.execute(query + " ORDER BY type, name", tables)
    indexes, triggers, drops, refill = [], [], [], False
    for kind, name, sql in cursor.fetchall():
        if kind == "index":
            if not re.match(r"\s*CREATE\s+UNIQUE\b", sql, re.IGNORECASE):
                indexes.append(sql)
                drops.append(f"DROP INDEX {_q(name)}")
            continue
        body = sql[re.search(r"\bBEGIN\b", sql, re.IGNORECASE).end() :]
        targets = set(_WRITES.findall(body))
        # Only triggers a rebuild replaces; any other keeps firing per row. The search
        # vocabulary's (search_words) is refilled from its word index once that is rebuilt.
        if targets and targets <= {*fts, search_words.VOCAB_TABLE}:
            triggers.append(sql)
            drops.append(f"DROP TRIGGER {_q(name)}")
            refill |= search_words.VOCAB_TABLE in targets
    rebuilds = [f"INSERT INTO {_q(t)}({_q(t)}) VALUES('rebuild')" for t in fts]
    if refill:
        rebuilds.append(search_words.REFILL_VOCAB)
    # Statistics for the planner (SQLite has none until ANALYZE; without them it picked a
    # longitude index over the municipality's for the embed's query at a million entries).
    stats = ["PRAGMA analysis_limit = 0", *(f"ANALYZE {_q(t)}" for t in tables)]
    return drops, [*indexes, *triggers, *rebuilds, *stats]


# --- PostgreSQL ---------------------------------------------------------------------------


def _pg_trigger_on(cursor, name: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_trigger WHERE tgname = %s AND tgenabled <> 'D'", [name])
    return cursor.fetchone() is not None


def _pg_plan(cursor, tables: list[str]) -> tuple[list[str], list[str]]:
    cursor.execute(
        """SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = ANY(%s) AND pg_table_is_visible(t.oid) AND NOT x.indisunique
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        ORDER BY i.relname""",
        [[*tables, PG_SEARCH_TABLE]],
    )
    indexes = cursor.fetchall()
    drops = [f"DROP INDEX {_q(name)}" for name, _ in indexes]
    restores = []
    table = _q(Initiative._meta.db_table)
    fill, words = (
        _pg_trigger_on(cursor, name) for name in (PG_FILL_TRIGGER, search_words.PG_TRIGGER)
    )
    if words:  # the word index (migration 0012): refilled in one pass after the upsert
        drops.append(f"ALTER TABLE {PG_SEARCH_TABLE} DISABLE TRIGGER {search_words.PG_TRIGGER}")
    if fill:
        drops.append(f"ALTER TABLE {table} DISABLE TRIGGER {_q(PG_FILL_TRIGGER)}")
        # The trigger first (writes from then on are its), then its upsert (migration 0010)
        # for every row it missed or that changed, before the search table's GIN indexes
        # exist: built once, not row by row.
        restores.append(f"ALTER TABLE {table} ENABLE TRIGGER {_q(PG_FILL_TRIGGER)}")
        restores.append(
            f"INSERT INTO {PG_SEARCH_TABLE} (id, name, search_text, search_name) "  # noqa: S608
            f"SELECT i.id, i.name, i.search_text, i.search_name FROM {table} i "
            f"LEFT JOIN {PG_SEARCH_TABLE} s ON s.id = i.id WHERE s.id IS NULL "
            "OR s.name <> i.name OR s.search_text <> i.search_text "
            "OR s.search_name <> i.search_name "
            "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, "
            "search_text = EXCLUDED.search_text, search_name = EXCLUDED.search_name"
        )
    if words:
        # Enabled first: an edit from then on is in the search table the refill reads.
        restores.append(f"ALTER TABLE {PG_SEARCH_TABLE} ENABLE TRIGGER {search_words.PG_TRIGGER}")
        restores.append(search_words.REFILL_PG)
    restores += [sql for _, sql in indexes]
    restores += [f"ANALYZE {_q(t)}" for t in [*tables, PG_SEARCH_TABLE]]
    return drops, restores


# --- both ---------------------------------------------------------------------------------


def _ensure_pending_table(cursor) -> None:
    cursor.execute(
        f"CREATE TABLE IF NOT EXISTS {PENDING} "
        "(position integer PRIMARY KEY, statement text NOT NULL)"
    )


def pending() -> list[str]:
    """The statements a load still owes the database (empty when none is under way)."""
    with connection.cursor() as cursor:
        _ensure_pending_table(cursor)
        cursor.execute(f"SELECT statement FROM {PENDING} ORDER BY position")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


def finish_pending() -> int:
    """Run what an interrupted load left undone (indexes, triggers, search refill), each
    statement committed with the removal of its row; returns how many ran."""
    done = 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            _ensure_pending_table(cursor)
            cursor.execute(
                f"SELECT position, statement FROM {PENDING} ORDER BY position LIMIT 1"  # noqa: S608
            )
            row = cursor.fetchone()
            if row is None:
                return done
            if connection.vendor == "postgresql":
                # Deferred foreign-key checks still pending in an enclosing transaction
                # (tests) would forbid the index builds: run them now.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(row[1])
            cursor.execute(f"DELETE FROM {PENDING} WHERE position = %s", [row[0]])  # noqa: S608
        done += 1


@contextmanager
def _load_pragmas() -> Iterator[None]:
    # A bigger page cache for the inserts and index builds; journal and sync stay as
    # configured (WAL, NORMAL), so a crash loses at most the batch under way, never the file.
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def suspended_indexes(*, enabled: bool = True) -> Iterator[None]:
    """Drop the secondary indexes and search triggers for the body, restore them after
    (also when the body fails). Disabled: only finishes an earlier interrupted load."""
    finish_pending()
    if not enabled or connection.vendor not in {"sqlite", "postgresql"}:
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        _ensure_pending_table(cursor)
        plan = _sqlite_plan if connection.vendor == "sqlite" else _pg_plan
        drops, restores = plan(cursor, loaded_tables())
        for position, sql in enumerate(restores):
            cursor.execute(
                f"INSERT INTO {PENDING} (position, statement) VALUES (%s, %s)",  # noqa: S608
                [position, sql],
            )
        for sql in drops:
            cursor.execute(sql)
    with _load_pragmas():
        try:
            yield
        finally:
            finish_pending()
