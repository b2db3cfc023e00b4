"""Load benchmark of the API and pages at scale (run by hand, not in CI).

    .venv/bin/python benchmarks/api.py --count 1000000 [--scenario all] [--write]
    .venv/bin/python benchmarks/api.py --count 100000 --db postgres --scenario reads

Prepares a database with N generated entries (`generate_entries`; one SQLite file per N in
BENCH_DIR, default /tmp/mmk-bench, reused when present), then starts gunicorn exactly as
production does (`gunicorn mitmachkarte.wsgi -c python:mitmachkarte.gunicorn_conf`, 2
workers) and measures, from a second process on loopback with wrk (Debian package `wrk`):
- `cold-start`: from starting gunicorn until both workers answered the map, and what the
  clients got meanwhile (connections refused are "not ready"; 5xx and resets are errors);
- the reads: map at zooms 6, 9, 12 and 15 and all four in turn (`mapmix`, what write-read
  reads, for comparing it), search for common and rare words, detail, `/`,
  the embed's data; every request asks for a different view or query and the response cache
  is off (API_CACHE_SECONDS=0), so figures are for a cold cache; then worker RSS and PSS;
- `write-read`: one map-relevant edit per second through the services (benchmarks/
  api_writer.py) while wrk reads the map (zooms 6–15) with the same connections: map p95,
  errors, and each edit's staleness (commit until every worker's map shows it);
- `write-read-offmap`: the control, the same writer editing only descriptions (commits,
  caches invalidated, nothing for the map index): what the writer itself costs the reads.
`--scenario` takes names or groups (all, reads, map, search) separated by commas; `--write`
appends the section to benchmarks/RESULTS.md.
"""

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api_live  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
READS = ["map6", "map9", "map12", "map15", "mapmix", "search-common", "search-rare", "detail"]
READS += ["home"]
READS += ["embed"]
GROUPS = {
    "all": ["cold-start", *READS, "write-read", "write-read-offmap"],
    "reads": READS,
    # mapmix: the views of write-read (zooms 6/9/12/15 in turn) without the writes.
    "map": ["map6", "map9", "map12", "map15", "mapmix"],
    "search": ["search-common", "search-rare"],
}
COMMON_TERMS = ["garten", "repair", "energie", "klima", "tausch", "fahrrad", "hilfe", "foodsharing"]
GOALS = {"map": 50, "search-common": 100, "search-rare": 50, "home": 100}  # p95 ms at 1M


def manage(env, *args, **kw) -> str:
    cmd = [str(BIN / "mitmachkarte"), *args]
    return subprocess.run(cmd, env=env, check=True, text=True, capture_output=True, **kw).stdout


def shell(env, code: str) -> str:
    return manage(env, "shell", "-c", code).strip().splitlines()[-1]


def prepare(args, env) -> None:
    manage(env, "migrate", "--no-input")
    published = "from mitmachkarte.initiatives.models import Initiative as I;"
    published += "print(I.objects.filter(status='published').count())"
    for attempt in range(5):  # names taken by earlier runs are skipped: top up
        have = int(shell(env, published))
        if have >= args.count:
            return
        print(f"generating {args.count - have:,} entries (have {have:,}) …", flush=True)
        t = time.perf_counter()
        seed = str(have + 1 + attempt)
        manage(env, "generate_entries", "--count", str(args.count - have), "--seed", seed)
        print(f"  took {time.perf_counter() - t:.0f} s", flush=True)


DATA_SCRIPT = """
import json, random
from django.db.models import Count
from mitmachkarte.core.text import fold
from mitmachkarte.initiatives.models import Initiative as I
p = I.objects.filter(status='published')
top = p.order_by('-pk').values_list('pk', flat=True).first()
rng = random.Random(1)
ids = rng.sample(range(1, top + 1), min(top, 3000))
slugs = list(p.filter(pk__in=ids).values_list('slug', flat=True))[:2000]
# The least frequent town names (at 1,000,000 entries no town has only a handful).
cities = p.values('city').annotate(n=Count('id')).order_by('n').values_list('city', flat=True)
rare = [fold(c) for c in cities[:3000] if ' ' not in c and '-' not in c and len(c) >= 7][:300]
assert rare, 'no rare words found'
munis = (p.values('municipality__ags').annotate(n=Count('id')).order_by('-n')
         .values_list('municipality__ags', flat=True)[:50])
print(json.dumps({'slugs': slugs, 'rare': rare, 'municipalities': [m for m in munis if m]}))
"""


def request_data(env, directory: Path) -> None:
    """Slugs, rare words and municipalities for the wrk scenarios, one file each."""
    data = json.loads(shell(env, DATA_SCRIPT))
    quote = urllib.parse.quote
    files = {
        "slugs.txt": data["slugs"],
        "terms-common.txt": COMMON_TERMS,
        "terms-rare.txt": [quote(t) for t in data["rare"]],
        "municipalities.txt": data["municipalities"],
    }
    for name, items in files.items():
        (directory / name).write_text("\n".join(items) + "\n")


def wrk(base: str, scenario: str, seconds: float, connections: int, data: Path) -> dict:
    env = {**os.environ, "SCENARIO": scenario, "DATA_DIR": str(data)}
    script = str(Path(__file__).with_name("wrk_scenario.lua"))
    cmd = ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds:.0f}s", "--timeout", "5s"]
    load_before = os.getloadavg()[0]
    out = subprocess.run(
        [*cmd, "-s", script, base], env=env, check=True, text=True, capture_output=True
    ).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
    result = json.loads(line[len("RESULT ") :])
    result["rps"] = result["requests"] / result["seconds"]
    result["load"] = (load_before + os.getloadavg()[0]) / 2
    return result


def server_env(args, work: Path) -> dict:
    env = {
        **os.environ,
        "MITMACHKARTE_VAR_DIR": str(work),
        "DEBUG": "0",
        "API_CACHE_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "WEB_CONCURRENCY": str(args.workers),
        "BIND": "127.0.0.1",
        "PORT": str(args.port),
        "GUNICORN_ACCESS_LOG": str(work / f"access-{args.port}.log"),
        "GUNICORN_CMD_ARGS": f"--access-logformat '{api_live.ACCESS_FORMAT}'",
    }
    if args.db == "postgres":
        name = f"mitmachkarte_bench_{args.count}"
        env["DATABASE_URL"] = os.environ.get(
            "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{name}"
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=False)
    else:
        env["DATABASE_URL"] = f"sqlite:///{work / f'bench-{args.count}.sqlite3'}"
    return env


def start_server(env: dict, work: Path) -> subprocess.Popen:
    """The production command of deploy/Procfile."""
    conf = "python:mitmachkarte.gunicorn_conf"
    gunicorn = [str(BIN / "gunicorn"), "mitmachkarte.wsgi", "-c", conf]
    log = (work / "gunicorn.log").open("a")
    return subprocess.Popen(gunicorn, env=env, cwd=work, stderr=log, stdout=log)


def scenarios(text: str) -> list[str]:
    chosen = []
    for name in text.split(","):
        for item in GROUPS.get(name.strip(), [name.strip()]):
            if item not in GROUPS["all"]:
                sys.exit(f"unknown scenario {item!r}: {', '.join(GROUPS['all'])} or {list(GROUPS)}")
            chosen.append(item)
    return [s for s in GROUPS["all"] if s in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--count", "--entries", type=int, default=100_000, dest="count")
    parser.add_argument("--scenario", default="all", help="names or groups, comma-separated")
    parser.add_argument("--seconds", type=int, default=10, help="per read scenario")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8431)
    parser.add_argument("--write-seconds", type=int, default=60, help="write-read duration")
    parser.add_argument("--stale-cap", type=float, default=20, help="give up on an edit after")
    parser.add_argument("--start-limit", type=float, default=600, help="cold start gives up after")
    parser.add_argument("--write", action="store_true", help="append to benchmarks/RESULTS.md")
    args = parser.parse_args()
    chosen = scenarios(args.scenario)
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    work = Path(os.environ.get("BENCH_DIR", Path(tempfile.gettempdir()) / "mmk-bench"))
    work.mkdir(parents=True, exist_ok=True)
    env = server_env(args, work)
    began = time.monotonic()
    prepare(args, env)
    request_data(env, work)
    (work / f"access-{args.port}.log").unlink(missing_ok=True)
    base = f"http://127.0.0.1:{args.port}"
    log = api_live.AccessLog(work / f"access-{args.port}.log")
    load = [os.getloadavg()]
    report = {"rows": [], "cold": None, "memory": None, "live": None}
    start = api_live.cold_start(
        lambda: start_server(env, work), base, log, args.workers, args.start_limit
    )
    server = start.pop("server")
    try:
        if "cold-start" in chosen:
            report["cold"] = start
        if start["all_workers_s"] is None:
            print(f"the workers did not all answer within {args.start_limit:.0f} s", flush=True)
        for name in chosen:
            if name in READS:
                # mapmix is write-read's baseline: as long as it when both run (10-s
                # windows of this machine varied by up to a third in p95 between runs).
                live = name == "mapmix" and "write-read" in chosen
                seconds = args.write_seconds if live else args.seconds
                result = wrk(base, name, seconds, args.connections, work)
                # Requests wrk gave up on are still queued in the workers: wait them out, so
                # they do not slow the next scenario down.
                result["drain_s"] = api_live.drain(base)
                report["rows"].append((name, result))
                print(name, result, flush=True)
        report["memory"] = api_live.memory(server.pid)
        load.append(os.getloadavg())
        run = lambda sc, sec: wrk(base, sc, sec, args.connections, work)  # noqa: E731
        if "write-read" in chosen:
            report["live"] = api_live.write_while_reading(base, log, args, run, env)
            load.append(os.getloadavg())
        if "write-read-offmap" in chosen:
            report["offmap"] = api_live.write_while_reading(base, log, args, run, env, "offmap")
            load.append(os.getloadavg())
    finally:
        log.close()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    text = render(args, report, load, time.monotonic() - began)
    print(text)
    if args.write:
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + text + "\n")


def render(args, report: dict, load: list, took: float) -> str:
    loads = ", ".join(f"{a:.1f}" for a, _, _ in load)
    out = [
        f"### {args.db}, {args.count:,} entries, {args.workers} gunicorn workers (production "
        f"command), {args.connections} connections, {args.seconds} s per read scenario\n",
        f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average (1 min) at start, after the reads, after "
        f"write-read: {loads}; whole run {took / 60:.0f} min (`benchmarks/api.py`).\n",
    ]
    if report["cold"]:
        c = report["cold"]
        both = f"{c['all_workers_s']:.1f} s" if c["all_workers_s"] else "not within the limit"
        out.append(
            f"Cold start: first answer after {c['first_answer_s'] or 0:.1f} s, both workers "
            f"answered after {both}; meanwhile {c['refused']} connections refused (not ready), "
            f"{c['5xx']} answers 5xx, {c['other errors']} other errors.\n"
        )
    if report["rows"]:
        out += ["| scenario | requests/s | p50 ms | p95 ms | p99 ms | errors | load |"]
        out += ["|---|---:|---:|---:|---:|---:|---:|"]
        for name, r in report["rows"]:
            if not r["requests"]:
                out.append(
                    f"| {name} | 0 | none answered within {args.seconds} s (5 s timeout) "
                    f"| | | {r['errors']} | {r['load']:.1f} |"
                )
                continue
            out.append(
                f"| {name} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
                f"{r['p99_ms']:.1f} | {r['errors']} | {r['load']:.1f} |"
            )
        out.append("")
    if report["memory"]:
        mem = ", ".join(
            f"{m['role']} RSS {m['rss_mb']:.0f} MB / PSS {m['pss_mb']:.0f} MB"
            for m in report["memory"]
        )
        out.append(f"Memory after the reads: {mem}.\n")
    if report["live"]:
        out.append(render_live(args, report["live"]))
    if report.get("offmap"):
        out.append(render_live(args, report["offmap"], offmap=True))
    return "\n".join(out)


def render_live(args, live: dict, offmap: bool = False) -> str:
    r = live["reading"]
    edits = [e for e in live["edits"] if "slug" in e]
    stale = sorted(e["stale_s"] for e in edits if e["stale_s"] is not None)
    failed = len(live["edits"]) - len(edits)
    never = len(edits) - len(stale)
    what = "one description edit per second (control)" if offmap else "one edit per second"
    text = (
        f"Write while reading ({args.write_seconds} s, {what}, map zooms 6–15 "
        f"with {args.connections} connections): map p50 {r['p50_ms']:.1f} ms, p95 "
        f"{r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, {r['rps']:.0f} requests/s, "
        f"{r['errors']} errors ({r['timeouts']} timeouts > 5 s, {r['non2xx']} non-2xx). "
        f"Edits: {len(live['edits'])} ({failed} failed), write p50 "
        f"{statistics.median([e['write_ms'] for e in edits] or [0]):.0f} ms. "
    )
    if stale:
        p95 = stale[min(len(stale) - 1, int(0.95 * len(stale)))]
        text += (
            f"Staleness (commit until every worker's map shows the edit): median "
            f"{statistics.median(stale):.2f} s, p95 {p95:.2f} s, max {stale[-1]:.2f} s"
        )
    if offmap:
        return text + "\n"
    text += f"; {never} edits not on every worker's map within {args.stale_cap:.0f} s.\n"
    return text


if __name__ == "__main__":
    main()
