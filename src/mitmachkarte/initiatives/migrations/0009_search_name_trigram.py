"""PostgreSQL: a trigram index on the names of the search table, for the typo fallback
(see initiatives/search.py), which looks for close matches in names only. No-op elsewhere."""

from django.db import migrations

FORWARD = [
    """CREATE INDEX IF NOT EXISTS initiatives_search_pg_name_trgm
        ON initiatives_search_pg USING gin (name gin_trgm_ops)""",
]
BACKWARD = ["DROP INDEX IF EXISTS initiatives_search_pg_name_trgm"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0008_map_read_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
