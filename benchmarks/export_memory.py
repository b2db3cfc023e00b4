"""Memory and time of the streamed open-data exports at 10k and 100k entries (run by hand).

    .venv/bin/python benchmarks/export_memory.py [--entries 10000 100000] [--write]

Generates entries with `generate_entries` into one SQLite database per size in a temporary
folder (BENCH_DIR, default /tmp/mmk-export-bench; reused and topped up when present), streams
each export through Django's test client in a fresh process per format and size, reading
the body chunk by chunk as a client would. Prints rows, bytes, seconds and the growth of the
process's peak RSS over its baseline (Django loaded, one tiny export done). Flat memory means
the growth stays about the same from 10k to 100k entries. `--write` appends to RESULTS.md.
"""

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FORMATS = ["initiatives.csv", "initiatives.geojson", "initiatives.jsonld"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(path: str) -> dict:
    """In a fresh process: baseline peak RSS, then stream one export and read it all."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitmachkarte.settings")
    django.setup()
    from django.test import Client

    client = Client()
    warm = client.get(f"/api/v1/export/{path}", {"bbox": "6.0,50.0,6.01,50.01"})
    b"".join(warm.streaming_content)  # imports, URL resolver, first queries
    base = peak_rss_mb()
    start = time.perf_counter()
    response = client.get(f"/api/v1/export/{path}")
    size = lines = 0
    for piece in response.streaming_content:
        size += len(piece)
        lines += piece.count(b"\n")
    return {
        "format": path,
        "seconds": time.perf_counter() - start,
        "bytes": size,
        "lines": lines,
        "base_mb": base,
        "growth_mb": peak_rss_mb() - base,
    }


def manage(env, *args) -> str:
    return subprocess.run(
        [str(BIN / "mitmachkarte"), *args], env=env, check=True, text=True, capture_output=True
    ).stdout


def published(env) -> int:
    out = manage(
        env,
        "shell",
        "-c",
        "from mitmachkarte.initiatives.models import Initiative "
        "as I; print(I.objects.filter(status='published').count())",
    )
    return int(out.strip().splitlines()[-1])


def top_up(env, count: int) -> None:
    have = published(env)
    if have < count:
        print(f"generating {count - have} entries (have {have}) …", flush=True)
        t = time.perf_counter()
        manage(env, "generate_entries", "--count", str(count - have), "--seed", str(have + 1))
        print(f"  took {time.perf_counter() - t:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--write", action="store_true", help="append to benchmarks/RESULTS.md")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print("RESULT " + json.dumps(measure(args.measure)))
        return

    work = Path(os.environ.get("BENCH_DIR", Path(tempfile.gettempdir()) / "mmk-export-bench"))
    work.mkdir(parents=True, exist_ok=True)
    base_env = {
        **os.environ,
        "MITMACHKARTE_VAR_DIR": str(work),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "testserver",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    }
    results = []
    for count in sorted(args.entries):
        env = {**base_env, "DATABASE_URL": f"sqlite:///{work / f'bench-{count}.sqlite3'}"}
        manage(env, "migrate", "--no-input")
        top_up(env, count)
        for path in FORMATS:
            out = subprocess.run(
                [sys.executable, __file__, "--measure", path],
                env=env,
                check=True,
                text=True,
                capture_output=True,
            ).stdout
            result = json.loads(out.split("RESULT ", 1)[1])
            result["entries"] = published(env)
            results.append(result)
            print(
                f"{result['entries']:>7} {path:<22} {result['seconds']:6.1f} s "
                f"{result['bytes'] / 1e6:7.1f} MB body  peak RSS +{result['growth_mb']:.1f} MB "
                f"(base {result['base_mb']:.0f} MB)",
                flush=True,
            )
    table = ["| entries | export | time | body | peak RSS growth (base) |", "|---|---|---|---|---|"]
    table += [
        f"| {r['entries']:,} | {r['format']} | {r['seconds']:.1f} s | "
        f"{r['bytes'] / 1e6:.1f} MB | +{r['growth_mb']:.1f} MB ({r['base_mb']:.0f} MB) |"
        for r in results
    ]
    print("\n".join(table))
    if args.write:
        section = (
            f"\n## Open-data exports, memory at 10k and 100k entries "
            f"(`benchmarks/export_memory.py`)\n\n{date.today()}, {platform.node()} "
            f"({os.cpu_count()} cores), SQLite, Django test client reading the streamed "
            "body piece by piece; each line a fresh process.\n\n" + "\n".join(table) + "\n"
        )
        with open(ROOT / "benchmarks" / "RESULTS.md", "a", encoding="utf-8") as handle:
            handle.write(section)


if __name__ == "__main__":
    main()
