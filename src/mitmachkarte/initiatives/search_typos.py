"""PostgreSQL: close matches when no entry matches a search exactly ("Bochun" finds
Bochum), bounded so that no typo search ties up a worker."""

import logging

from django.db import OperationalError, connection, transaction

from .search_words import like as _like

PG_TABLE = "initiatives_search_pg"  # the search table (migration 0003)
logger = logging.getLogger(__name__)

TYPO_MIN_LENGTH = 4
TYPO_SIMILARITY = 0.7
TYPO_AT_MOST = 500
# A typo search that would take longer is cancelled: the answer then has no typo matches
# (the exact ones, i.e. none), never an error and never a worker tied up for seconds.
TYPO_TIMEOUT_MS = 150


def _pg_typo_where(terms: list[str]) -> tuple[str, list]:
    # Typos are looked for in names only (a trigram index of its own, see migration 0007):
    # word similarity over whole descriptions took seconds at 100,000 entries. `<%` (word
    # similarity >= 0.6, the pg_trgm default) uses the index; the explicit check then keeps
    # only close matches, so typo results stay relevant.
    clauses, params = [], []
    for term in terms:
        if len(term) < TYPO_MIN_LENGTH:
            clauses.append("search_text LIKE %s")
            params.append(_like(term))
        else:
            clauses.append(
                "(search_text LIKE %s OR (%s <%% name AND word_similarity(%s, name) >= %s))"
            )
            params += [_like(term), term, term, TYPO_SIMILARITY]
    return " AND ".join(clauses), params


def _run_typo_query(terms: list[str]) -> list[int]:
    where, params = _pg_typo_where(terms)
    order = " + ".join(["word_similarity(%s, name)"] * len(terms))
    with transaction.atomic(), connection.cursor() as cursor:
        # SET LOCAL ends with the transaction; inside an outer one (a savepoint) it would
        # outlive this block, so the previous value is put back. A cancelled query rolls
        # the savepoint back, which undoes the SET as well.
        cursor.execute("SHOW statement_timeout")
        previous = cursor.fetchone()[0]
        cursor.execute(f"SET LOCAL statement_timeout = {int(TYPO_TIMEOUT_MS)}")
        cursor.execute(
            f"SELECT id FROM {PG_TABLE} WHERE {where} ORDER BY {order} DESC, id "
            f"LIMIT {TYPO_AT_MOST}",
            [*params, *terms],
        )
        found = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT set_config('statement_timeout', %s, true)", [previous])
        return found


def typo_ids(terms: list[str]) -> list[int]:
    """Ids of close matches (best first) when nothing matches exactly; [] when the
    search took too long."""
    try:
        return _run_typo_query(terms)
    except OperationalError:  # statement_timeout: QueryCanceled
        logger.warning("typo search cancelled after %s ms: %r", TYPO_TIMEOUT_MS, terms)
        return []
