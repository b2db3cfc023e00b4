"""SQLite: a word index of the search text and its vocabulary (see initiatives/search_words.py).

A rare word cost a trigram match over every entry's ~1,200-character search text, which
reads the long lists of common trigrams ("ten", "sta"); here the word's tokens are looked
up in a small vocabulary instead and then matched as whole tokens. Three tables, no change
to the entries table (cheap on a big database: the word index is built once, the
vocabulary read from it):

- `initiatives_search_words`: FTS5 over `initiatives_initiative.search_text` (external
  content, `detail=none`), tokenised by the ASCII tokenizer with every ASCII punctuation
  mark as a token character, so its tokens are the text's space-separated words (the folded
  text has no other whitespace; control characters separate too);
- `initiatives_search_vocab`: every token once (insert-only), with
  `initiatives_search_vocab_fts`, a trigram FTS5 table over it, for "which words contain
  this term";
- `initiatives_search_terms`: an fts5vocab view of the word index (no storage), from which
  the vocabulary is refilled in one statement (here and after a bulk load).

Triggers keep the word index (as 0002) and the vocabulary in step with every write of
`search_text`; the vocabulary's trigger splits the text with json_each. A later migration
that makes SQLite copy the entries table drops these triggers: it must restore them (as
0010 does for 0002's).
"""

from django.db import migrations

TABLE = "initiatives_initiative"
WORDS = "initiatives_search_words"
VOCAB = "initiatives_search_vocab"
VOCAB_FTS = "initiatives_search_vocab_fts"
TERMS = "initiatives_search_terms"

# Every ASCII character but the space: punctuation and control characters (the folded text
# has no other whitespace), so a token is exactly a space-separated word.
_TOKENCHARS = "".join(
    chr(c) for c in [*range(1, 32), *range(33, 128)] if not chr(c).isalnum()
).replace("'", "''")
TOKENIZE = ("ascii tokenchars '" + _TOKENCHARS + "'").replace('"', '""')


def _words_json(column: str) -> str:
    """An SQL expression: the space-separated words of `column` as a JSON array of
    strings (json_quote escapes quotes and control characters, never with a space)."""
    return f"""('[' || replace(json_quote({column}), ' ', '","') || ']')"""


def _vocab_insert(column: str) -> str:
    return (
        f"INSERT OR IGNORE INTO {VOCAB}(word) SELECT value FROM json_each({_words_json(column)})"
        " WHERE value <> ''"
    )


REFILL_VOCAB = f"INSERT OR IGNORE INTO {VOCAB}(word) SELECT term FROM {TERMS}"  # noqa: S608

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE {WORDS} USING fts5(search_text, content='{TABLE}',
        content_rowid='id', tokenize="{TOKENIZE}", detail=none)""",
    f"CREATE VIRTUAL TABLE {TERMS} USING fts5vocab({WORDS}, 'row')",
    f"CREATE TABLE {VOCAB} (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE)",
    f"""CREATE VIRTUAL TABLE {VOCAB_FTS} USING fts5(
        word, content='{VOCAB}', content_rowid='id', tokenize='trigram')""",
    f"""CREATE TRIGGER {VOCAB}_ai AFTER INSERT ON {VOCAB} BEGIN
        INSERT INTO {VOCAB_FTS}(rowid, word) VALUES (new.id, new.word);
    END""",
    f"""CREATE TRIGGER {WORDS}_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {WORDS}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER {WORDS}_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {WORDS}({WORDS}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER {WORDS}_au AFTER UPDATE OF search_text ON {TABLE} BEGIN
        INSERT INTO {WORDS}({WORDS}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO {WORDS}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER {VOCAB}_words_ai AFTER INSERT ON {TABLE} BEGIN
        {_vocab_insert("new.search_text")};
    END""",
    f"""CREATE TRIGGER {VOCAB}_words_au AFTER UPDATE OF search_text ON {TABLE} BEGIN
        {_vocab_insert("new.search_text")};
    END""",
    f"INSERT INTO {WORDS}({WORDS}) VALUES ('rebuild')",
    REFILL_VOCAB,
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {VOCAB}_words_au",
    f"DROP TRIGGER IF EXISTS {VOCAB}_words_ai",
    f"DROP TRIGGER IF EXISTS {WORDS}_au",
    f"DROP TRIGGER IF EXISTS {WORDS}_ad",
    f"DROP TRIGGER IF EXISTS {WORDS}_ai",
    f"DROP TRIGGER IF EXISTS {VOCAB}_ai",
    f"DROP TABLE IF EXISTS {VOCAB_FTS}",
    f"DROP TABLE IF EXISTS {VOCAB}",
    f"DROP TABLE IF EXISTS {TERMS}",
    f"DROP TABLE IF EXISTS {WORDS}",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0010_search_name")]

    operations = [migrations.RunPython(forward, backward)]
