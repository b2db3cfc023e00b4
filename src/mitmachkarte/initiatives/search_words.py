"""Matching terms through a word index and its vocabulary, on both backends.

A term matches an entry when it occurs anywhere in its folded search text ("garten" in
"gemeinschaftsgarten"). The trigram index answers that directly, but for every term it
reads the entry lists of all the term's trigrams, and common trigrams ("ten", "sta") are
in nearly every 1,200-character text: a rare town name cost 33 ms at a million entries
(SQLite); on PostgreSQL the recheck of a common word's matches reads thousands of wide
rows (27–533 ms for the first request of a common word at 100,000, the rest of the tail).

Here, exactly the same matches: a term (no spaces, as every search term) occurs in a text
if and only if it occurs inside one of its space-separated words. So
1. the vocabulary (every word of every search text once, with a trigram index of its own:
   tens of thousands of short strings) gives the words containing the term;
2. the word index gives the entries holding any of them.
A term inside many different words ("ten": 900 words at 200,000 entries) is faster through
the trigram index: above `MAX_WORDS` words, and for terms the word index cannot answer
(shorter than 3 characters), `match` returns None and the caller uses the trigram index
as before.

SQLite (migration 0011): an FTS5 table of the words (`detail=none`: entry ids only),
queried with `("w1" OR "w2" …) AND (…)`; its vocabulary is refilled with `REFILL_VOCAB`
after a bulk load (`demo/bulk_load.py`).

PostgreSQL (migration 0012): postings (word_id, initiative_id) with that primary key, so
a word's entries are one key range read by an index-only scan — no text, no recheck; per
term `word_id = ANY(ids)`, several terms INTERSECTed. Chosen over a GIN index of word-id
arrays (one row per entry), measured at 100,000 entries ("garten": 27 words, 12,270
entries): postings 1.6–2.9 ms and 144 buffers, the GIN array 7.9–23 ms and 4,255 buffers
(it visits each match's heap row for its id), the trigram path 29–52 ms. The price is
space: 7.3 million postings, 308 MB of table and 219 MB of key against 51 MB for the
arrays (the search table is 156 MB); only the key's ranges of asked words are read. The
words of `search_name` have postings of their own, so "names first" comes from the same
kind of lookup (`Words.named_sql`). A trigger on the search table keeps them in step;
`REFILL_PG` rebuilds all after a bulk load. Index-only needs the visibility map, i.e.
(auto)vacuum after big writes.
"""

from dataclasses import dataclass

from django.db import connection

WORDS_TABLE = "initiatives_search_words"  # FTS5 (ascii tokens = words), rowid = entry id
VOCAB_TABLE = "initiatives_search_vocab"  # id, word (unique)
VOCAB_FTS = "initiatives_search_vocab_fts"  # trigram FTS5 over the words, rowid = vocab id
TERMS_TABLE = "initiatives_search_terms"  # fts5vocab of WORDS_TABLE (no storage)
PG_VOCAB = "initiatives_search_vocab_pg"  # id, word (unique, trigram index)
PG_POSTINGS = "initiatives_search_postings_pg"  # (word_id, initiative_id) of search_text
PG_NAME_POSTINGS = "initiatives_search_name_postings_pg"  # the same of search_name
PG_TRIGGER = "initiatives_search_words_pg"  # on the search table (initiatives_search_pg)
MAX_WORDS = 200  # per term; more: the trigram index is the faster way
# Every word of the word index into the vocabulary, in one statement (after a bulk load,
# whose rebuild of the word index bypasses the vocabulary's triggers).
REFILL_VOCAB = f"INSERT OR IGNORE INTO {VOCAB_TABLE}(word) SELECT term FROM {TERMS_TABLE}"
# PostgreSQL: vocabulary and postings anew from the search table (migration 0012).
REFILL_PG = f"SELECT {PG_TRIGGER}_refill()"


def like(term: str) -> str:
    """A LIKE pattern (escape: backslash) for `term` anywhere in the text."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def words_containing(term: str, limit: int) -> list:
    """Up to `limit` words of the vocabulary that contain `term` (3 characters or more):
    the words (SQLite) or their ids (PostgreSQL)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT id FROM {PG_VOCAB} WHERE word LIKE %s LIMIT {int(limit)}", [like(term)]
            )
        else:
            cursor.execute(
                f"SELECT v.word FROM {VOCAB_FTS} f CROSS JOIN {VOCAB_TABLE} v ON v.id = f.rowid "
                f"WHERE {VOCAB_FTS} MATCH %s LIMIT {int(limit)}",
                [_quoted(term)],
            )
        return [row[0] for row in cursor.fetchall()]


@dataclass(frozen=True)
class Words:
    """Per term, the vocabulary's words (SQLite) or word ids (PostgreSQL) containing it;
    `empty`: some term is in no word at all (no entry matches)."""

    groups: tuple[tuple, ...]

    @property
    def empty(self) -> bool:
        return any(not group for group in self.groups)

    @property
    def query(self) -> str:
        """SQLite: the FTS5 query over WORDS_TABLE."""
        return " AND ".join("(" + " OR ".join(map(_quoted, g)) + ")" for g in self.groups)

    def ids_sql(self) -> tuple[str, list]:
        """A query of the ids (column `id`, possibly repeated) of the entries holding
        every term."""
        if self.empty:
            return "SELECT 1 AS id WHERE 1 = 0", []
        if connection.vendor == "postgresql":
            return self._postings(PG_POSTINGS)
        return f"SELECT rowid AS id FROM {WORDS_TABLE} WHERE {WORDS_TABLE} MATCH %s", [self.query]

    def named_sql(self) -> tuple[str, list] | None:
        """PostgreSQL: the ids of the entries whose `search_name` holds every term (a
        query as `ids_sql`); None elsewhere (SQLite has its own names index)."""
        if connection.vendor != "postgresql" or self.empty:
            return None
        return self._postings(PG_NAME_POSTINGS)

    def _postings(self, table: str) -> tuple[str, list]:
        # One term: its words' ranges (an entry with two such words comes twice); more:
        # INTERSECT, which also removes the repeats.
        one = f"SELECT initiative_id AS id FROM {table} WHERE word_id = ANY(%s)"
        return " INTERSECT ".join([one] * len(self.groups)), [list(g) for g in self.groups]


def match(terms: list[str]) -> Words | None:
    """The words containing each term, or None when the word index is not the way (a
    term shorter than 3 characters or in more than MAX_WORDS words, a backend without
    one)."""
    if not terms or connection.vendor not in {"sqlite", "postgresql"}:
        return None
    if any(len(t) < 3 for t in terms):
        return None
    groups = []
    for term in terms:
        words = words_containing(term, MAX_WORDS + 1)
        if len(words) > MAX_WORDS:
            return None
        if not words:
            return Words(((),))
        groups.append(tuple(words))
    return Words(tuple(groups))


def found_sql(terms: list[str]) -> tuple[str, list] | None:
    """The word index's query of the ids of the entries holding every term; None when the
    word index does not answer, ("", []) when it finds nothing (PostgreSQL then looks for
    typos)."""
    words = match(terms)
    if words is None or words.empty:
        return None if words is None else ("", [])
    sql, params = words.ids_sql()
    with connection.cursor() as cursor:  # words no text holds any more find nothing
        cursor.execute(f"SELECT 1 FROM ({sql}) AS found LIMIT 1", params)
        return (sql, params) if cursor.fetchone() else ("", [])
