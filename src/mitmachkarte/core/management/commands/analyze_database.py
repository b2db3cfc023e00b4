"""Refresh the query planner's statistics (`ANALYZE`), daily through the scheduler.

SQLite keeps no statistics until ANALYZE runs, and without them it guessed wrong at scale:
the embed's "one municipality within a view" query walked an index over longitudes
(~70,000 rows at 1,000,000 entries, 0.5 s) instead of the municipality's (3,000 rows).
A full ANALYZE of a million entries takes about a second; PostgreSQL's autovacuum does the
same, and running it there as well does no harm.
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Refresh the database's query planner statistics (ANALYZE)."

    def handle(self, *args, **options):
        started = time.monotonic()
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # Whole tables, not a sample: sampled figures picked the wrong index above.
                cursor.execute("PRAGMA analysis_limit = 0")
            cursor.execute("ANALYZE")
        self.stdout.write(f"statistics refreshed in {time.monotonic() - started:.1f} s")
