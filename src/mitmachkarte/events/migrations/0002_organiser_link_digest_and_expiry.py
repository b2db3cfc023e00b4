"""Organiser links: keep only the SHA-256 of each token, and when it was issued.

Links already mailed keep working: their tokens are hashed here (issued now, so they expire
ORGANISER_LINK_DAYS after the later of today and the event's last date).
"""

import hashlib

from django.db import migrations, models
from django.utils import timezone


def hash_tokens(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    now = timezone.now()
    for event in Event.objects.exclude(organiser_token="").only("pk", "organiser_token"):
        Event.objects.filter(pk=event.pk).update(
            organiser_token_digest=hashlib.sha256(event.organiser_token.encode()).hexdigest(),
            organiser_link_issued_at=now,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="organiser_link_issued_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="organiser link issued"
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="organiser_token_digest",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        # Irreversible in substance: the plain tokens cannot come back from their digests.
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="event",
            name="organiser_token",
        ),
    ]
