"""Search engines per backend (see initiatives/search.py). Other backends use LIKE."""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE initiatives_search USING fts5(
        search_text, content='initiatives_initiative', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER initiatives_search_ai AFTER INSERT ON initiatives_initiative BEGIN
        INSERT INTO initiatives_search(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER initiatives_search_ad AFTER DELETE ON initiatives_initiative BEGIN
        INSERT INTO initiatives_search(initiatives_search, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER initiatives_search_au AFTER UPDATE OF search_text ON initiatives_initiative
    BEGIN
        INSERT INTO initiatives_search(initiatives_search, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO initiatives_search(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    "INSERT INTO initiatives_search(initiatives_search) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS initiatives_search_ai",
    "DROP TRIGGER IF EXISTS initiatives_search_ad",
    "DROP TRIGGER IF EXISTS initiatives_search_au",
    "DROP TABLE IF EXISTS initiatives_search",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE INDEX IF NOT EXISTS initiative_search_trgm
        ON initiatives_initiative USING gin (search_text gin_trgm_ops)""",
    """ALTER TABLE initiatives_initiative ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('german', search_text)) STORED""",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE initiatives_initiative DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS initiative_search_trgm",
]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
