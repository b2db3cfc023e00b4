"""Times a search's count and first page in one process: the old single ranked scan
against search_order (names index + matching ids + map index), per word.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python scripts/search_timing.py

Read-only. The figures of record are in benchmarks/RESULTS.md (issue 19).
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitmachkarte.settings")
django.setup()

from django.db.models import Count  # noqa: E402

from mitmachkarte.core.text import fold, search_terms  # noqa: E402
from mitmachkarte.initiatives import map_index, search, search_order, selectors  # noqa: E402
from mitmachkarte.initiatives.filters import parse_filter  # noqa: E402
from mitmachkarte.initiatives.models import Initiative, Status  # noqa: E402

COMMON = ["garten", "repair", "energie", "klima", "tausch", "fahrrad", "hilfe", "foodsharing"]
REPEAT = 5
CPU = os.environ.get("TIMING", "cpu") == "cpu"  # TIMING=wall: wall-clock times


def timed(fn):
    """The result and the CPU times of this process in ms: on a machine other jobs share,
    wall time is mostly waiting (SQLite runs in this process; PostgreSQL's share is not
    in it, see `wall`)."""
    times, result = [], None
    for _ in range(REPEAT):
        start = time.process_time() if CPU else time.perf_counter()
        result = fn()
        times.append(((time.process_time() if CPU else time.perf_counter()) - start) * 1000)
    return result, times


def rare_words(n: int = 6) -> list[str]:
    published = Initiative.objects.filter(status=Status.PUBLISHED)
    cities = published.values("city").annotate(n=Count("id")).order_by("n")
    words = [fold(c) for c in cities.values_list("city", flat=True)[:2000]]
    return [w for w in words if " " not in w and "-" not in w and len(w) >= 7][:n]


def row(label: str, times: list[float], extra: str = "") -> str:
    median = statistics.median(times)
    return f"  {label:<26} median {median:7.1f} ms  max {max(times):7.1f} ms {extra}"


def main() -> None:
    start = time.perf_counter()
    index = map_index.warm_index()
    print(f"entries {len(index.store)} published, index {time.perf_counter() - start:.1f} s")
    words = sys.argv[1:] or COMMON + rare_words()
    for word in words:
        terms = search_terms(word)
        print(f"{word}:")
        (ids, count), t = timed(
            lambda t=terms, w=word: search.ranked_ids(
                t, w, status=Status.PUBLISHED, limit=200, counted=True
            )
        )
        print(row("before: one ranked scan", t, f"count {count}"))
        found, t = timed(lambda t=terms: search.find(t).ids)
        print(row("matching ids (+names on PG)", t, f"{len(found)} any status"))
        named, t = timed(lambda t=terms: search.name_matches(t))
        print(row("name matches", t, f"{len(named)}"))
        plain = parse_filter(q=word)  # outside the timing, as for `before`
        (count2, first), t = timed(lambda f=plain: search_order.ranked(f, 200))
        print(row("after: count + 200 ids", t, f"count {count2}"))
        assert count2 == count, (word, count, count2)
        flt = parse_filter(q=word, categories=["repair"])
        (n, _), t = timed(lambda f=flt: search_order.ranked(f, 200))
        print(row("after, category repair", t, f"count {n}"))
        _, t = timed(lambda f=plain: selectors.objects_for_ids(search_order.ranked(f, 20)[1]))
        print(row("after: a page of 20 rows", t))
        (n, _), t = timed(lambda f=plain: search_order.ranked(f, 5020))
        print(row("after: page 251 (5,000 in)", t))


if __name__ == "__main__":
    main()
