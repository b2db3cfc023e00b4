"""Times the map index of the configured database: build, requests, applied edits, memory.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python scripts/map_index_timing.py

It edits a few entries (moves them back and forth): use a scratch database. The figures
of record are in benchmarks/RESULTS.md; this is the quick look while working on the index.
"""

import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitmachkarte.settings")
django.setup()

from mitmachkarte.initiatives import map_changes, map_index, services  # noqa: E402
from mitmachkarte.initiatives.filters import parse_filter  # noqa: E402
from mitmachkarte.initiatives.models import Initiative, Status  # noqa: E402

VIEWS = [  # zoom, bbox (a 1280×800 px screen around Köln or over Germany)
    (5, "-8.0,43.0,25.0,58.0"),
    (6, "0.0,47.0,16.0,55.0"),
    (8, "3.5,49.6,10.5,52.8"),
    (10, "5.8,50.5,7.6,51.3"),
    (12, "6.7,50.85,7.15,51.05"),
    (14, "6.9,50.91,7.01,50.96"),
]
FILTERS = [{}, {"categories": ["repair"]}, {"sdgs": ["13"]}, {"q": "garten"}]


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def timed(fn, repeat=1):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return result, times


def main() -> None:
    before = rss_mb()
    index, (ms,) = timed(map_index.warm_index)
    n = len(index.store)
    print(f"entries {n}: build {ms:.0f} ms, RSS {before:.0f} -> {rss_mb():.0f} MB")
    store = sum(getattr(index.store, f).nbytes for f in ("key", "ids", "lat", "lon", "muni"))
    store += sum(getattr(index.store, f).nbytes for f in ("cats", "sdgs", "first_category"))
    store += index.store.name_rank.nbytes + index.store.id_sorted.nbytes
    store += index.store.id_pos.nbytes
    by_kind = {}
    for layers in index.cells.levels:
        for (kind, _bit), layer in zip(getattr(index.cells, "keys", []), layers, strict=False):
            size = sum(getattr(layer, c).nbytes for c in layer.COLUMNS)
            by_kind[kind or "all"] = by_kind.get(kind or "all", 0) + size
    cells = sum(
        getattr(layer, c).nbytes
        for layers in index.cells.levels
        for layer in layers
        for c in layer.COLUMNS
    )
    kinds = ", ".join(f"{k} {v / 2**20:.1f}" for k, v in by_kind.items())
    print(
        f"arrays: entries {store / 2**20:.1f} MB, cell tables {cells / 2**20:.1f} MB "
        f"(to zoom {index.cells.depth}; {kinds or 'all and categories'})"
    )
    for zoom, bbox in VIEWS:
        row = []
        for extra in FILTERS:
            flt = parse_filter(bbox=bbox, **extra)
            result, times = timed(lambda f=flt, z=zoom, ix=index: ix.features(f, zoom=z), repeat=7)
            row.append(f"{statistics.median(times):6.1f} ms ({result.count})")
        print(f"zoom {zoom:2d}: " + " | ".join(row))
    del index, result  # the worker holds one index: so does this script from here on
    ids = list(Initiative.objects.filter(status=Status.PUBLISHED).values_list("pk", flat=True)[:20])
    applies = []
    for k, pk in enumerate(ids):
        entry = Initiative.objects.get(pk=pk)
        services.update_initiative_fields(
            initiative=entry, changes={"latitude": entry.latitude + (0.01 if k % 2 else -0.01)}
        )
        _, (ms,) = timed(map_index.get_index)
        applies.append(ms)
    print(
        f"one edit applied: median {statistics.median(applies):.1f} ms, "
        f"max {max(applies):.1f} ms (version {map_changes.current()})"
    )
    for pk in ids[:10]:
        entry = Initiative.objects.get(pk=pk)
        services.update_initiative_fields(initiative=entry, changes={"name": entry.name + " "})
    _, (ms,) = timed(map_index.get_index)
    print(f"ten edits applied at once: {ms:.1f} ms; RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
