"""PostgreSQL: the search column moves into a narrow table of its own, kept in step by
triggers (as SQLite's FTS5 table is). A broad term rechecks thousands of rows; in the wide
initiatives table each sits on a page of its own, here ten share one. No-op elsewhere.
"""

from django.db import migrations

FORWARD = [
    """CREATE TABLE initiatives_search_pg (
        id bigint PRIMARY KEY,
        name text NOT NULL,
        search_text text NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('german', search_text)) STORED
    )""",
    """CREATE INDEX initiatives_search_pg_trgm
        ON initiatives_search_pg USING gin (search_text gin_trgm_ops)""",
    """CREATE FUNCTION initiatives_search_pg_upsert() RETURNS trigger AS $$
    BEGIN
        INSERT INTO initiatives_search_pg (id, name, search_text)
        VALUES (NEW.id, NEW.name, NEW.search_text)
        ON CONFLICT (id) DO UPDATE
            SET name = EXCLUDED.name, search_text = EXCLUDED.search_text;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE FUNCTION initiatives_search_pg_delete() RETURNS trigger AS $$
    BEGIN
        DELETE FROM initiatives_search_pg WHERE id = OLD.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE FUNCTION initiatives_search_pg_truncate() RETURNS trigger AS $$
    BEGIN
        TRUNCATE initiatives_search_pg;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER initiatives_search_pg_upsert
        AFTER INSERT OR UPDATE OF name, search_text ON initiatives_initiative
        FOR EACH ROW EXECUTE FUNCTION initiatives_search_pg_upsert()""",
    """CREATE TRIGGER initiatives_search_pg_delete AFTER DELETE ON initiatives_initiative
        FOR EACH ROW EXECUTE FUNCTION initiatives_search_pg_delete()""",
    """CREATE TRIGGER initiatives_search_pg_truncate AFTER TRUNCATE ON initiatives_initiative
        FOR EACH STATEMENT EXECUTE FUNCTION initiatives_search_pg_truncate()""",
    """INSERT INTO initiatives_search_pg (id, name, search_text)
        SELECT id, name, search_text FROM initiatives_initiative""",
    "ANALYZE initiatives_search_pg",
    "DROP INDEX IF EXISTS initiative_search_trgm",
    "ALTER TABLE initiatives_initiative DROP COLUMN IF EXISTS search_vector",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS initiatives_search_pg_upsert ON initiatives_initiative",
    "DROP TRIGGER IF EXISTS initiatives_search_pg_delete ON initiatives_initiative",
    "DROP TRIGGER IF EXISTS initiatives_search_pg_truncate ON initiatives_initiative",
    "DROP FUNCTION IF EXISTS initiatives_search_pg_upsert()",
    "DROP FUNCTION IF EXISTS initiatives_search_pg_delete()",
    "DROP FUNCTION IF EXISTS initiatives_search_pg_truncate()",
    "DROP TABLE IF EXISTS initiatives_search_pg",
    """CREATE INDEX IF NOT EXISTS initiative_search_trgm
        ON initiatives_initiative USING gin (search_text gin_trgm_ops)""",
    """ALTER TABLE initiatives_initiative ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('german', search_text)) STORED""",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0002_search_engines")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
