"""Load the curated categories and the 17 SDGs (kept in step by later migrations)."""

from django.db import migrations


def load(apps, schema_editor):
    from mitmachkarte.taxonomy.services import sync_reference_data

    sync_reference_data(
        category_model=apps.get_model("taxonomy", "Category"),
        sdg_model=apps.get_model("taxonomy", "SDG"),
    )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
