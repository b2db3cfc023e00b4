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


class JobRun(models.Model):
    """One run of a periodic job (`mitmachkarte scheduler`) for one scheduled time.

    The unique (name, slot) pair is the lease: of two schedulers only the one whose insert
    succeeds runs the job for that time.
    """

    name = models.CharField(max_length=60)
    slot = models.DateTimeField(help_text="the scheduled time this run is for")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    ok = models.BooleanField(null=True)
    error = models.TextField(blank=True)
    output = models.TextField(blank=True)
    runner = models.CharField(max_length=100, blank=True, help_text="host:process")

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["name", "slot"], name="core_jobrun_once_per_slot")
        ]
        indexes = [models.Index(fields=["finished_at"], name="core_jobrun_finished_idx")]

    def __str__(self) -> str:
        return f"{self.name} @ {self.slot:%Y-%m-%d %H:%M}"


class SentMail(models.Model):
    """The idempotency record of a queued mail: written right after the mail server took it,
    so a task that runs again (a worker killed before marking it done) does not resend."""

    key = models.CharField(max_length=32, primary_key=True)
    sent_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key


class WorkerHeartbeat(models.Model):
    """A running task worker (`mitmachkarte db_worker`), refreshed every few seconds.

    /healthz reports the queue unavailable when no worker was seen lately, and stale RUNNING
    tasks of a silent worker on another host are requeued without waiting for STALE_AFTER.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.worker_id
