"""Initiative.published_at: when an entry was first published. Entries published before
this field existed take their creation time (the best that is known of them)."""

from django.db import migrations, models
from django.db.models import F


def backfill(apps, schema_editor):
    Initiative = apps.get_model("initiatives", "Initiative")
    Initiative.objects.filter(status="published", published_at__isnull=True).update(
        published_at=F("created_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0003_postgres_search_table"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiative",
            name="published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, editable=False, null=True, verbose_name="published"
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
