"""The 169 targets of the 17 SDGs with short titles (English, German).

Numbers are the official ones (United Nations, A/RES/70/1, 2015), including the lettered
means-of-implementation targets (1.a, 1.b, …). The short titles condense the official
wording; the German ones follow the Destatis SDG indicator pages. Shared by the data
migration and the tests; the list itself is data/sdg-targets.csv.
"""

import csv
from pathlib import Path

_FILE = Path(__file__).resolve().parent.parent / "data" / "sdg-targets.csv"


def _load() -> list[tuple[str, str, str]]:
    with _FILE.open(encoding="utf-8", newline="") as file:
        rows = csv.reader(file)
        next(rows)  # number, English short title, German short title
        return [(number, en, de) for number, en, de in rows]


TARGETS = _load()


def goal_of(number: str) -> int:
    return int(number.split(".")[0])


def sort_key(number: str) -> tuple[int, int, str]:
    """1.1 < 1.2 < … < 1.10 < 1.a < 1.b: numbered targets first, then the lettered ones."""
    goal, rest = number.split(".")
    return (int(goal), 0 if rest.isdigit() else 1, rest.zfill(3))
