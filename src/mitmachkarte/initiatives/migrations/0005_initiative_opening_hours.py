import importlib

from django.db import migrations, models

# SQLite adds a NOT NULL column by rebuilding the table, which drops the triggers that keep
# the full-text table in step (0002): they are made again afterwards.
engines = importlib.import_module("mitmachkarte.initiatives.migrations.0002_search_engines")


def restore_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in engines.SQLITE_BACKWARD[:3]:
        schema_editor.execute(sql)
    for sql in engines.SQLITE_FORWARD[1:]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0004_published_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="opening_hours",
            field=models.CharField(
                blank=True, max_length=255, verbose_name="opening hours (OpenStreetMap syntax)"
            ),
        ),
        migrations.RunPython(restore_sqlite_triggers, migrations.RunPython.noop),
    ]
