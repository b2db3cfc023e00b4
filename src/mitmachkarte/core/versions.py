"""Change counters for data sets (see core.models.DataVersion)."""

from django.db import transaction
from django.db.models import F

from .models import DataVersion


def bump_version(name: str) -> None:
    with transaction.atomic():
        updated = DataVersion.objects.filter(name=name).update(version=F("version") + 1)
        if not updated:
            DataVersion.objects.get_or_create(name=name, defaults={"version": 1})


def current_version(name: str) -> int:
    return DataVersion.objects.filter(name=name).values_list("version", flat=True).first() or 0
