"""CPU time of whole API search requests in one process (Django test client), per URL.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 SECRET_KEY=… API_CACHE_SECONDS=0 \\
        .venv/bin/python scripts/search_request_timing.py [--runs 15] [--profile] URL…

Without URLs: the benchmark's common words (offset 60: the search itself is cached by data
version after the first request, as in benchmarks/api.py) and six rare town names (place
searches, never cached). API_CACHE_SECONDS=0 turns the response cache off, as the
benchmark does. Per URL: the first request (the search computed) and the median of the
next ones, CPU ms of this process (SQLite runs in it). Read-only.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitmachkarte.settings")
os.environ.setdefault("ALLOWED_HOSTS", "*")
django.setup()

from django.test import Client  # noqa: E402

from mitmachkarte.initiatives import map_index  # noqa: E402

COMMON = ["garten", "repair", "energie", "klima", "tausch", "fahrrad", "hilfe", "foodsharing"]
RARE = ["dasburg", "ettenstatt", "heukewalde", "kissenbruck", "pfedelbach", "bennhausen"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    urls = args.urls or [
        *(f"/api/v1/initiatives?limit=20&q={w}&offset=60" for w in COMMON),
        *(f"/api/v1/initiatives?limit=20&q={w}" for w in RARE),
    ]
    map_index.warm_index()
    client = Client()
    client.get(urls[0])  # imports, connections, first queries

    def run(url: str) -> tuple[float, int]:
        start = time.process_time()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return (time.process_time() - start) * 1000, response.json()["count"]

    for url in urls:
        first, count = run(url)
        then = statistics.median(run(url)[0] for _ in range(args.runs))
        print(f"{url:<58} {count:>8,}  first {first:6.1f}  then median {then:5.1f}")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for url in urls:
            client.get(url)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
