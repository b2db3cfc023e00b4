"""The database cache: Django's, with an atomic `incr` that keeps the expiry time.

Without Redis the shared state of all workers and hosts (rate-limit counters, geocoding
results, allauth's limits) lives in the `core.CacheEntry` table. Django's own
`DatabaseCache.incr` is a `get` and a `set`: two workers can both read 4 and both write 5, and
the `set` restarts the timeout, so a counter could outlive or undercount its window. Here the
row is locked (PostgreSQL `SELECT … FOR UPDATE`; SQLite runs every transaction `IMMEDIATE`,
see settings, so the write lock is taken before the read) and only the value is rewritten.
"""

import base64
import pickle

from django.core.cache.backends import db
from django.db import router, transaction
from django.utils import timezone


class DatabaseCache(db.DatabaseCache):
    def incr(self, key, delta=1, version=None):
        from .models import CacheEntry

        key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(self.cache_model_class)
        entries = CacheEntry.objects.using(alias)
        with transaction.atomic(using=alias):
            row = (
                entries.select_for_update()
                .filter(cache_key=key)
                .values_list("value", "expires")
                .first()
            )
            if row is None or row[1] < timezone.now():
                raise ValueError(f"Key '{key}' not found.")
            # The cache's own pickles, written by this class; never data from outside.
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta  # noqa: S301
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            entries.filter(cache_key=key).update(value=encoded)
        return value
