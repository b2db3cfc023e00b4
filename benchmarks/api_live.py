"""The live parts of benchmarks/api.py: cold start, write while reading, worker memory.

Which worker answered a request is read from gunicorn's access log (format `<pid> status
"request line"`): each probe carries a unique `probe=` parameter.
"""

import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from itertools import count
from pathlib import Path

ACCESS_FORMAT = '%(p)s %(s)s "%(r)s"'
_LINE = re.compile(r'<(\d+)> (\d+) "GET \S*[?&]probe=(\w+)')
_probes = count()


class AccessLog:
    """Tails the access log in a thread: probe id → worker pid."""

    def __init__(self, path: Path):
        self.path, self.pids, self._stop = path, {}, threading.Event()
        self._thread = threading.Thread(target=self._tail, daemon=True)
        self._thread.start()

    def _tail(self) -> None:
        while not self.path.exists() and not self._stop.is_set():
            time.sleep(0.05)
        with self.path.open() as fh:
            fh.seek(0, 2)
            while not self._stop.is_set():
                line = fh.readline()
                if not line:
                    time.sleep(0.02)
                    continue
                m = _LINE.search(line)
                if m:
                    self.pids[m.group(3)] = int(m.group(1))

    def pid(self, probe: str, wait: float = 1.0) -> int | None:
        deadline = time.monotonic() + wait
        while probe not in self.pids and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.pids.get(probe)

    def close(self) -> None:
        self._stop.set()


def probe(base: str, path: str, timeout: float = 10) -> tuple[str, int | str, bytes]:
    """GET with a fresh probe id; returns (id, HTTP status or error kind, body)."""
    pid = f"p{next(_probes)}"
    url = f"{base}{path}{'&' if '?' in path else '?'}probe={pid}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return pid, response.status, response.read()
    except urllib.error.HTTPError as exc:
        return pid, exc.code, b""
    except urllib.error.URLError as exc:
        refused = isinstance(exc.reason, ConnectionRefusedError)
        return pid, "refused" if refused else "error", b""
    except (ConnectionError, TimeoutError):
        return pid, "error", b""


def cold_start(start_server, base: str, log: AccessLog, workers: int, limit: float) -> dict:
    """Start the server; poll the map until `workers` distinct workers answered it (200)."""
    started = time.monotonic()
    server = start_server()
    seen: dict[int, float] = {}
    tally = {"refused": 0, "5xx": 0, "other errors": 0, "answers": 0}
    first = None
    lock = threading.Lock()

    def poll() -> None:
        nonlocal first
        while len(seen) < workers and time.monotonic() - started < limit:
            if server.poll() is not None:
                return
            probe_id, status, _ = probe(base, "/api/v1/map?zoom=6&bbox=5,47,16,55.5", timeout=limit)
            now = time.monotonic() - started
            with lock:
                if status == "refused":
                    tally["refused"] += 1
                elif status == "error":
                    tally["other errors"] += 1
                elif status >= 500:
                    tally["5xx"] += 1
                else:
                    tally["answers"] += 1
                    first = first or now
            if status == 200:
                worker = log.pid(probe_id)
                if worker:
                    with lock:
                        seen.setdefault(worker, now)
            time.sleep(0.05 if status != "refused" else 0.2)

    with ThreadPoolExecutor(max_workers=2 * workers) as pool:
        list(pool.map(lambda _: poll(), range(2 * workers)))
    return {
        "server": server,
        "first_answer_s": first,
        "all_workers_s": max(seen.values()) if len(seen) >= workers else None,
        "workers_seen": len(seen),
        **tally,
    }


def drain(base: str, limit: float = 180) -> float:
    """Seconds until two probes in a row were answered within 0.5 s (the workers are idle)."""
    started = time.monotonic()
    quick = 0
    while quick < 2 and time.monotonic() - started < limit:
        t = time.monotonic()
        _, status, _ = probe(base, "/healthz/ready?drain=1", timeout=limit)
        quick = quick + 1 if status == 200 and time.monotonic() - t < 0.5 else 0
        time.sleep(0.1)
    return round(time.monotonic() - started, 1)


def memory(master_pid: int) -> list[dict]:
    """RSS and PSS (shared pages split between the processes) of the master and workers."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    out = []
    for role, pid in [("master", master_pid), *(("worker", int(c)) for c in children)]:
        fields = {}
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            key, value = line.split(":", 1)
            fields[key] = int(value.split()[0]) / 1024
        out.append({"role": role, "pid": pid, "rss_mb": fields["Rss"], "pss_mb": fields["Pss"]})
    return out


def write_while_reading(
    base: str, log: AccessLog, args, run_wrk, env: dict, kind: str = "map"
) -> dict:
    """Edits at `args.write_rate` per second while wrk reads the map; staleness per edit
    (`kind` "offmap": edits the map does not hold, the control; no staleness)."""
    writer = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("api_writer.py")), str(args.write_seconds)],
        env={**env, "WRITER_KIND": kind},
        stdout=subprocess.PIPE,
        text=True,
    )
    results: list[dict] = []
    pollers: list[threading.Thread] = []

    def follow() -> None:
        for line in writer.stdout:
            edit = json.loads(line)
            if "error" in edit or edit.get("offmap"):
                results.append({**edit, "stale_s": None})
                continue
            t = threading.Thread(
                target=lambda e=edit: results.append(_staleness(base, log, e, args))
            )
            t.start()
            pollers.append(t)

    follower = threading.Thread(target=follow, daemon=True)
    follower.start()
    reading = run_wrk("mapmix", args.write_seconds)
    writer.wait()
    follower.join()
    for t in pollers:
        t.join()
    return {"reading": reading, "edits": results}


def _staleness(base: str, log: AccessLog, edit: dict, args) -> dict:
    """Poll a tiny view around the edit's new position until the entry is on every worker's map.

    Done when the last `args.workers * 3` answers all showed it and came from every worker;
    staleness is the time from the commit to the first answer of that final streak.
    """
    d = 0.0004
    view = f"{edit['lon'] - d},{edit['lat'] - d},{edit['lon'] + d},{edit['lat'] + d}"
    path = f"/api/v1/map?zoom=18&bbox={view}"
    answers: list[tuple[float, bool, str]] = []
    streak = args.workers * 3
    while time.time() - edit["committed"] < args.stale_cap:
        probe_id, status, body = probe(base, path, timeout=args.stale_cap)
        shown = status == 200 and f'"id":"{edit["slug"]}"' in body.decode()
        answers.append((time.time(), shown, probe_id))
        tail = answers[-streak:]
        if len(tail) == streak and all(s for _, s, _ in tail):
            workers = {log.pid(p, wait=0.5) for _, _, p in tail} - {None}
            if len(workers) >= args.workers:
                break
        # Fine steps while the goal (2 s) can still be met, coarse ones after.
        time.sleep(0.05 if time.time() - edit["committed"] < 3 else 0.5)
    else:
        return {"slug": edit["slug"], "stale_s": None, "write_ms": edit["write_ms"]}
    first = len(answers) - 1
    while first > 0 and answers[first - 1][1]:
        first -= 1
    stale = answers[first][0] - edit["committed"]
    return {"slug": edit["slug"], "stale_s": stale, "write_ms": edit["write_ms"]}
