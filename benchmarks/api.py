"""Load benchmark of the API at scale: map clusters, search, detail (run by hand, not in CI).

    .venv/bin/python benchmarks/api.py --db sqlite   [--entries 100000] [--seconds 10]
    .venv/bin/python benchmarks/api.py --db postgres [--write]

Prepares a database with N generated entries (`generate_entries`, reused when present),
serves it with gunicorn (2 sync workers by default), warms each worker's map index, then
drives load from a second process with wrk (Debian package `wrk`) on loopback. Every
request asks for a different view or query and the response cache is off
(API_CACHE_SECONDS=0), so figures are for a cold cache. Prints a table of p50/p95/p99 and
requests/s per scenario and the RSS of each worker; `--write` adds it to RESULTS.md.
"""

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCENARIOS = ["map6", "map9", "map12", "search", "detail"]
GOALS = {"map": ("p95 < 30 ms, >= 300 req/s"), "search": "p95 < 50 ms"}


def run(cmd, env, **kw):
    return subprocess.run(cmd, env=env, check=True, text=True, capture_output=True, **kw)


def prepare(args, env) -> None:
    manage = [str(BIN / "mitmachkarte")]
    run([*manage, "migrate", "--no-input"], env)
    out = run(
        [
            *manage,
            "shell",
            "-c",
            "from mitmachkarte.initiatives.models import Initiative as I;"
            "print(I.objects.filter(status='published').count())",
        ],
        env,
    ).stdout
    have = int(out.strip().splitlines()[-1])
    if have < args.entries:
        print(f"generating {args.entries - have} entries (have {have}) …", flush=True)
        t = time.perf_counter()
        run(
            [
                *manage,
                "generate_entries",
                "--count",
                str(args.entries - have),
                "--seed",
                str(have + 1),
            ],
            env,
        )
        print(f"  took {time.perf_counter() - t:.0f} s", flush=True)


def slugs_file(env, directory: Path) -> Path:
    path = directory / "slugs.txt"
    run(
        [
            str(BIN / "mitmachkarte"),
            "shell",
            "-c",
            "from mitmachkarte.initiatives.models import Initiative as I;"
            f"open({str(path)!r}, 'w').write('\\n'.join(I.objects.filter(status='published')"
            ".order_by('?').values_list('slug', flat=True)[:2000]))",
        ],
        env,
    )
    return path


def worker_rss_mb(master_pid: int) -> list[float]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def wrk(url: str, scenario: str, seconds: int, connections: int, slugs: Path) -> dict:
    env = {**os.environ, "SCENARIO": scenario, "SLUGS_FILE": str(slugs)}
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "1",
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "5s",
            "-s",
            str(Path(__file__).with_name("wrk_scenario.lua")),
            url,
        ],
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
    result = json.loads(line[len("RESULT ") :])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8431)
    parser.add_argument("--write", action="store_true", help="append to benchmarks/RESULTS.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    work = Path(os.environ.get("BENCH_DIR", Path(tempfile.gettempdir()) / "mmk-bench"))
    work.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "MITMACHKARTE_VAR_DIR": str(work),
        "DEBUG": "0",
        "API_CACHE_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    }
    if args.db == "postgres":
        env["DATABASE_URL"] = os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mitmachkarte_bench"
        )
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", "mitmachkarte_bench"],
            capture_output=True,
            check=False,
        )
    else:
        env["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    prepare(args, env)
    slugs = slugs_file(env, work)

    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "mitmachkarte.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=work,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/api/v1/sdgs", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        t = time.perf_counter()
        # Parallel requests reach every worker, which builds its map index once.
        with ThreadPoolExecutor(max_workers=4 * args.workers) as pool:
            list(
                pool.map(
                    lambda i: urllib.request.urlopen(  # noqa: S310
                        f"{base}/api/v1/map?zoom=6&w={i}", timeout=120
                    ).read(),
                    range(16 * args.workers),
                )
            )
        print(
            f"warm-up (index build in {args.workers} workers): {time.perf_counter() - t:.1f} s",
            flush=True,
        )
        rows = [(s, wrk(base, s, args.seconds, args.connections, slugs)) for s in SCENARIOS]
        rss = worker_rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    head = (
        f"### {args.db}, {args.entries:,} entries, {args.workers} gunicorn workers, "
        f"{args.connections} connections, {args.seconds} s per scenario\n\n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {time.strftime('%Y-%m-%d')}\n"
    )
    table = [
        "| scenario | requests/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in rows:
        table.append(
            f"| {name} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['errors']} |"
        )
    table.append(f"\nWorker RSS after the run: {', '.join(f'{m:.0f} MB' for m in rss)}\n")
    text = head + "\n" + "\n".join(table)
    print(text)
    if args.write:
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + text + "\n")


if __name__ == "__main__":
    main()
