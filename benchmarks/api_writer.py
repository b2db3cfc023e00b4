"""The writer of the write-while-reading benchmark (started by benchmarks/api.py).

    python benchmarks/api_writer.py SECONDS [RATE]

One map-relevant edit per 1/RATE seconds through the initiatives services, as an editor's
save would do it: a published entry moves by 300–1,000 m (`update_initiative_fields`, which
also relocates its municipality and records a version). After each commit it prints one JSON
line: the entry's slug, its new position and the commit time (time.time()), so the reader
can poll the map until every worker shows the entry there.

With WRITER_KIND=offmap the edits change only the description (the control of the
`write-read-offmap` scenario: the same writer, commits and caches invalidated, but nothing
the map index holds, so no worker applies anything); those lines carry "offmap": true.
"""

import json
import math
import os
import random
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitmachkarte.settings")
django.setup()

from mitmachkarte.initiatives import services  # noqa: E402
from mitmachkarte.initiatives.models import Initiative, Status  # noqa: E402


def main() -> None:
    seconds = float(sys.argv[1])
    rate = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    rng = random.Random(int(os.environ.get("WRITER_SEED", "1")))
    offmap = os.environ.get("WRITER_KIND", "map") == "offmap"
    published = Initiative.objects.filter(status=Status.PUBLISHED)
    top = published.order_by("-pk").values_list("pk", flat=True).first()
    start = time.monotonic()
    n = 0
    while time.monotonic() - start < seconds:
        entry = None
        while entry is None:  # ids are dense after generate_entries: a few tries at most
            entry = published.filter(pk=rng.randint(1, top)).first()
        metres, angle = rng.uniform(300, 1000), rng.uniform(0, 2 * math.pi)
        lat = round(entry.latitude + metres * math.sin(angle) / 111_200, 6)
        lon = round(
            entry.longitude
            + metres * math.cos(angle) / (111_200 * math.cos(math.radians(entry.latitude))),
            6,
        )
        began = time.time()
        changes = {"latitude": lat, "longitude": lon}
        if offmap:
            changes = {"description": f"{entry.description[:2000]} ({n})"}
        try:
            services.update_initiative_fields(
                initiative=entry,
                changes=changes,
                reason="benchmark: write while reading",
            )
        except Exception as exc:  # e.g. a point outside the country: report, go on
            print(json.dumps({"error": type(exc).__name__}), flush=True)
        else:
            committed = time.time()
            took = round((committed - began) * 1000, 1)
            line = {"slug": entry.slug, "lat": lat, "lon": lon, "committed": committed}
            if offmap:
                line["offmap"] = True
            print(json.dumps({**line, "write_ms": took}), flush=True)
        n += 1
        time.sleep(max(0.0, start + n / rate - time.monotonic()))


if __name__ == "__main__":
    main()
