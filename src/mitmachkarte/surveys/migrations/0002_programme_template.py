"""Ships the programme's survey of initiatives as a template (see template_spec.py)."""

from django.db import migrations

from mitmachkarte.surveys import template_spec


def create_template(apps, schema_editor):
    Survey = apps.get_model("surveys", "Survey")
    if Survey.objects.filter(slug=template_spec.TEMPLATE_SLUG).exists():
        return
    template_spec.build(
        template_spec.SPEC,
        Survey=Survey,
        Section=apps.get_model("surveys", "Section"),
        Question=apps.get_model("surveys", "Question"),
        Choice=apps.get_model("surveys", "Choice"),
        is_template=True,
    )


def remove_template(apps, schema_editor):
    apps.get_model("surveys", "Survey").objects.filter(
        slug=template_spec.TEMPLATE_SLUG, is_template=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(create_template, remove_template)]
