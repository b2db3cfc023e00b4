"""SQLite: matching terms through a word index and its vocabulary (migration 0011).

A term matches an entry when it occurs anywhere in its folded search text ("garten" in
"gemeinschaftsgarten"). The trigram index answers that directly, but for every term it
reads the entry lists of all the term's trigrams, and common trigrams ("ten", "sta") are
in nearly every 1,200-character text: a rare town name cost 33 ms at a million entries.

Here, exactly the same matches: a term (no spaces, as every search term) occurs in a text
if and only if it occurs inside one of its space-separated words. So
1. the vocabulary (every word of every search text once, with a trigram index of its own:
   tens of thousands of short strings) gives the words containing the term;
2. the word index (`detail=none`: entry ids only) gives the entries holding any of them:
   `("w1" OR "w2" …) AND (…)` for several terms.
A rare term is then a handful of index lookups. A term inside many different words ("ten":
900 words at 200,000 entries) is faster through the trigram index: above `MAX_WORDS`
words, and for terms the word index cannot answer (shorter than 3 characters), `match`
returns None and the caller uses the trigram index as before.

The vocabulary only grows (a word no longer in any text costs one lookup that finds
nothing); it is refilled from the word index with `REFILL_VOCAB` after a bulk load
(`demo/bulk_load.py`).
"""

from django.db import connection

WORDS_TABLE = "initiatives_search_words"  # FTS5 (ascii tokens = words), rowid = entry id
VOCAB_TABLE = "initiatives_search_vocab"  # id, word (unique)
VOCAB_FTS = "initiatives_search_vocab_fts"  # trigram FTS5 over the words, rowid = vocab id
TERMS_TABLE = "initiatives_search_terms"  # fts5vocab of WORDS_TABLE (no storage)
MAX_WORDS = 200  # per term; more: the trigram index is the faster way
# Every word of the word index into the vocabulary, in one statement (after a bulk load,
# whose rebuild of the word index bypasses the vocabulary's triggers).
REFILL_VOCAB = f"INSERT OR IGNORE INTO {VOCAB_TABLE}(word) SELECT term FROM {TERMS_TABLE}"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def words_containing(term: str, limit: int) -> list[str]:
    """Up to `limit` words of the vocabulary that contain `term` (3 characters or more)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.word FROM {VOCAB_FTS} f CROSS JOIN {VOCAB_TABLE} v ON v.id = f.rowid "
            f"WHERE {VOCAB_FTS} MATCH %s LIMIT {int(limit)}",
            [_quoted(term)],
        )
        return [row[0] for row in cursor.fetchall()]


def match(terms: list[str]) -> str | None:
    """The FTS5 query over WORDS_TABLE for the entries holding every term, "" when some
    term is in no word at all (no entry matches), None when the word index is not the way
    (a term shorter than 3 characters or in more than MAX_WORDS words)."""
    if not terms or connection.vendor != "sqlite" or any(len(t) < 3 for t in terms):
        return None
    groups = []
    for term in terms:
        words = words_containing(term, MAX_WORDS + 1)
        if len(words) > MAX_WORDS:
            return None
        if not words:
            return ""
        groups.append("(" + " OR ".join(_quoted(w) for w in words) + ")")
    return " AND ".join(groups)
