from django.db import models


class DataVersion(models.Model):
    """A counter per data set, bumped in the same transaction as every change to it.

    In-process indexes and cached responses compare it (one primary-key read) to know
    whether they are stale, in every worker process alike and with any cache backend.
    """

    name = models.CharField(max_length=40, primary_key=True)
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}@{self.version}"
