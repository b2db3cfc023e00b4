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


class CacheEntry(models.Model):
    """The table of the database cache (`core.cache.DatabaseCache`, used without Redis).

    The columns are those of Django's `createcachetable`; as a model, `migrate` creates the
    table whatever CACHES says at that moment, and test flushes empty it.
    """

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "mitmachkarte_cache"

    def __str__(self) -> str:
        return self.cache_key
