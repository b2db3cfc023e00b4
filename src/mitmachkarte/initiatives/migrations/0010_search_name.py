"""Names first in a search, from an index of the names alone (see initiatives/search.py).

`search_name` holds the folded name with its variants. SQLite: an external-content FTS5
table over it (trigram, as 0002), kept in step by triggers and rebuildable with
`INSERT INTO initiatives_search_names(initiatives_search_names) VALUES ('rebuild')`.
PostgreSQL: the column joins the search table (0003), filled by its trigger, with a
trigram index of its own.
"""

import importlib

from django.db import migrations, models

from mitmachkarte.core.text import search_variants

engines = importlib.import_module("mitmachkarte.initiatives.migrations.0002_search_engines")

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE initiatives_search_names USING fts5(
        search_name, content='initiatives_initiative', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER initiatives_search_names_ai AFTER INSERT ON initiatives_initiative BEGIN
        INSERT INTO initiatives_search_names(rowid, search_name) VALUES (new.id, new.search_name);
    END""",
    """CREATE TRIGGER initiatives_search_names_ad AFTER DELETE ON initiatives_initiative BEGIN
        INSERT INTO initiatives_search_names(initiatives_search_names, rowid, search_name)
        VALUES ('delete', old.id, old.search_name);
    END""",
    """CREATE TRIGGER initiatives_search_names_au AFTER UPDATE OF search_name
        ON initiatives_initiative BEGIN
        INSERT INTO initiatives_search_names(initiatives_search_names, rowid, search_name)
        VALUES ('delete', old.id, old.search_name);
        INSERT INTO initiatives_search_names(rowid, search_name) VALUES (new.id, new.search_name);
    END""",
    "INSERT INTO initiatives_search_names(initiatives_search_names) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS initiatives_search_names_ai",
    "DROP TRIGGER IF EXISTS initiatives_search_names_ad",
    "DROP TRIGGER IF EXISTS initiatives_search_names_au",
    "DROP TABLE IF EXISTS initiatives_search_names",
]
POSTGRES_FORWARD = [
    "ALTER TABLE initiatives_search_pg ADD COLUMN search_name text NOT NULL DEFAULT ''",
    """CREATE OR REPLACE FUNCTION initiatives_search_pg_upsert() RETURNS trigger AS $$
    BEGIN
        INSERT INTO initiatives_search_pg (id, name, search_text, search_name)
        VALUES (NEW.id, NEW.name, NEW.search_text, NEW.search_name)
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,
            search_text = EXCLUDED.search_text, search_name = EXCLUDED.search_name;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS initiatives_search_pg_upsert ON initiatives_initiative",
    """CREATE TRIGGER initiatives_search_pg_upsert
        AFTER INSERT OR UPDATE OF name, search_text, search_name ON initiatives_initiative
        FOR EACH ROW EXECUTE FUNCTION initiatives_search_pg_upsert()""",
    """UPDATE initiatives_search_pg s SET search_name = i.search_name
        FROM initiatives_initiative i WHERE i.id = s.id""",
    """CREATE INDEX initiatives_search_pg_search_name_trgm
        ON initiatives_search_pg USING gin (search_name gin_trgm_ops)""",
    "ANALYZE initiatives_search_pg",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS initiatives_search_pg_search_name_trgm",
    """CREATE OR REPLACE FUNCTION initiatives_search_pg_upsert() RETURNS trigger AS $$
    BEGIN
        INSERT INTO initiatives_search_pg (id, name, search_text)
        VALUES (NEW.id, NEW.name, NEW.search_text)
        ON CONFLICT (id) DO UPDATE
            SET name = EXCLUDED.name, search_text = EXCLUDED.search_text;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS initiatives_search_pg_upsert ON initiatives_initiative",
    """CREATE TRIGGER initiatives_search_pg_upsert
        AFTER INSERT OR UPDATE OF name, search_text ON initiatives_initiative
        FOR EACH ROW EXECUTE FUNCTION initiatives_search_pg_upsert()""",
    "ALTER TABLE initiatives_search_pg DROP COLUMN IF EXISTS search_name",
]
BATCH = 20_000


def fill_search_names(apps, schema_editor):
    """search_name for every entry, before the triggers that index it exist."""
    Initiative = apps.get_model("initiatives", "Initiative")
    table = schema_editor.quote_name(Initiative._meta.db_table)
    last = 0
    with schema_editor.connection.cursor() as cursor:
        while True:
            cursor.execute(
                f"SELECT id, name FROM {table} WHERE id > %s ORDER BY id LIMIT %s",  # noqa: S608
                [last, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            cursor.executemany(
                f"UPDATE {table} SET search_name = %s WHERE id = %s",  # noqa: S608
                [(search_variants(name), pk) for pk, name in rows],
            )
            last = rows[-1][0]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        # Adding the column rebuilt the table, which dropped the triggers of 0002 (its
        # full-text table is unchanged: same ids, same texts, so no rebuild of it).
        for sql in engines.SQLITE_BACKWARD[:3] + engines.SQLITE_FORWARD[1:4]:
            schema_editor.execute(sql)
    fill_search_names(apps, schema_editor)
    for sql in {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(vendor, []):
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(vendor, []):
        schema_editor.execute(sql)


def restore_sqlite_triggers(apps, schema_editor):
    """Removing the column (backwards) rebuilds the table too."""
    if schema_editor.connection.vendor == "sqlite":
        for sql in engines.SQLITE_BACKWARD[:3] + engines.SQLITE_FORWARD[1:4]:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0009_search_name_trigram")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_triggers),
        migrations.AddField(
            model_name="initiative",
            name="search_name",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(forward, backward),
    ]
