"""What one applied edit costs the map index, by part (issue 19, fifth round).

    DATABASE_URL=sqlite:////tmp/bench/bench-1000000.sqlite3 DEBUG=0 SECRET_KEY=… \
        .venv/bin/python benchmarks/map_apply.py [EDITS]

Builds the index, then moves EDITS random published entries by ~400 m through the services
(it writes to that database: use a benchmark copy) and applies each through
`map_index._caught_up`, timing the change log, the category check, the re-read, the name
ranks, the store and the cell tables. Prints median, p90 and max per part in ms.
"""

import os
import random
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitmachkarte.settings")
django.setup()

import numpy as np  # noqa: E402

from mitmachkarte.initiatives import (  # noqa: E402
    map_build,
    map_changes,
    map_index,
    map_query,
    services,
)
from mitmachkarte.initiatives.map_cells import CellTables  # noqa: E402
from mitmachkarte.initiatives.map_store import EntryStore  # noqa: E402
from mitmachkarte.initiatives.models import Initiative, Status  # noqa: E402

timings: dict[str, list[float]] = {}


def timed(name, fn):
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timings.setdefault(name, []).append(time.perf_counter() - began)

    return wrapper


def main() -> None:
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    began = time.perf_counter()
    map_index.warm_index()
    print(f"build {time.perf_counter() - began:.1f} s, {len(map_index._index.store):,} entries")
    map_changes.since = timed("log", map_changes.since)
    map_query.read_entries = timed("re-read", map_query.read_entries)
    map_query.name_ranks_between = timed("name ranks", map_query.name_ranks_between)
    map_build.Taxonomy.still_current = timed("categories", map_build.Taxonomy.still_current)
    EntryStore.apply = timed("store", EntryStore.apply)
    CellTables.updated = timed("cell tables", CellTables.updated)
    published = Initiative.objects.filter(status=Status.PUBLISHED)
    top = published.order_by("-pk").values_list("pk", flat=True).first()
    rng = random.Random(3)
    for _ in range(edits):
        entry = None
        while entry is None:
            entry = published.filter(pk=rng.randint(1, top)).first()
        services.update_initiative_fields(
            initiative=entry,
            changes={"latitude": round(entry.latitude + 0.004, 6)},
            reason="benchmark: map_apply",
        )
        began = time.perf_counter()
        map_index._index = map_index._caught_up(map_index._index, map_changes.current())
        timings.setdefault("whole apply", []).append(time.perf_counter() - began)
    for name, values in timings.items():
        ms = np.array(values) * 1000
        print(
            f"{name:12s} n={len(ms)} median {np.median(ms):.2f} ms, "
            f"p90 {np.percentile(ms, 90):.2f}, max {ms.max():.2f}"
        )


if __name__ == "__main__":
    main()
