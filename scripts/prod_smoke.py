#!/usr/bin/env python3
"""Production smoke test: the production stack for real, on loopback (called by .ci/run).

Starts what deploy/Procfile describes, with DEBUG off: two gunicorn instances on two ports
(two hosts behind a balancer) on one PostgreSQL database and one Redis, the task worker, the
scheduler, and a local SMTP sink (aiosmtpd). Then it checks, as a client would:

1. a registration on instance A produces its confirmation mail through the worker;
2. an entry edited through A is on B's map and API at once;
3. abuse limits count across both instances: 500 registrations, 500 contact messages and
   100 campaign actions for one victim address send no mail beyond the limits;
4. /healthz turns 503 when the worker is gone, and 200 again when it is back;
5. the worker killed (SIGKILL) while mails are queued, and restarted, sends each mail once
   (the one in flight at the kill at most twice, with one Message-ID).

Usage: .venv/bin/python scripts/prod_smoke.py [--keep]   (needs PostgreSQL on 127.0.0.1:5432
with trust auth for `postgres`, Redis on 127.0.0.1:6379, the dev extras for aiosmtpd).
"""

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smoke_client import Browser, Inbox, check, flood, log, wait_for  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PROCFILE = ROOT / "deploy" / "Procfile"
DB_NAME = "mitmachkarte_smoke"
PORT_A, PORT_B, SMTP_PORT = 18301, 18302, 18325
REDIS_URL = "redis://127.0.0.1:6379/12"
VICTIM = "opfer@smoke.example"


class Stack:
    """The processes of deploy/Procfile plus setup commands, all with one environment."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.procs: dict[str, subprocess.Popen] = {}
        self.commands = dict(
            line.split(":", 1)
            for line in PROCFILE.read_text().splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        )
        self.env = {
            "PATH": f"{BIN}:{os.environ['PATH']}",
            "HOME": os.environ.get("HOME", "/tmp"),
            "LANG": "C.UTF-8",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
            "REDIS_URL": REDIS_URL,
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://127.0.0.1:{PORT_A}",
            "SECURE_COOKIES": "0",
            "STATIC_MANIFEST": "1",
            "MITMACHKARTE_VAR_DIR": str(workdir / "var"),
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(SMTP_PORT),
            # The smoke test is the proxy: X-Forwarded-For names a client per request, so the
            # limits per target (the victim's address) are what stops the flood.
            "TRUSTED_PROXY_COUNT": "1",
            "TASK_WORKER_SILENCE": "4",
            "WEB_CONCURRENCY": "2",
            "BIND": "127.0.0.1",
        }

    def manage(self, *args: str, timeout: int = 900) -> str:
        result = subprocess.run(
            [str(BIN / "mitmachkarte"), *args],
            env=self.env,
            cwd=self.workdir,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise SystemExit(f"mitmachkarte {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def query(self, code: str):
        """Run Python in `mitmachkarte shell` and return what it printed as JSON."""
        return json.loads(self.manage("shell", "-c", code).strip().splitlines()[-1])

    def start(self, name: str, process: str, **env: str) -> None:
        logfile = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 (lives with the process)
        self.procs[name] = subprocess.Popen(
            ["sh", "-c", "exec " + self.commands[process].strip()],
            env={**self.env, **env},
            cwd=self.workdir,
            stdout=logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        proc = self.procs.pop(name, None)
        if proc and proc.poll() is None:
            os.killpg(proc.pid, sig)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.stop(name)

    def tail(self, name: str, lines: int = 30) -> str:
        path = self.workdir / f"{name}.log"
        return (
            "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
            if path.exists()
            else ""
        )


def fresh_database() -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {DB_NAME}")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def health(port: int, path: str = "/healthz") -> tuple[int, dict]:
    return Browser(f"http://127.0.0.1:{port}").json(path)


def queue_drained(port: int) -> bool:
    status, body = health(port)
    return status == 200 and body["tasks"]["backlog"] == 0


def setup(stack: Stack) -> dict:
    log("migrate, collectstatic, demo data (DEBUG off, PostgreSQL, Redis)")
    stack.manage("migrate", "--no-input")
    stack.manage("collectstatic", "--no-input")
    stack.manage("load_demo", "--count", "300")
    stack.manage("load_demo_events")
    stack.manage("load_demo_accounts")
    return stack.query(
        "import json\n"
        "from django.utils import timezone\n"
        "from mitmachkarte.events.models import Campaign, Event, Occurrence\n"
        "from mitmachkarte.initiatives.models import Initiative, Status\n"
        "from mitmachkarte.organisations.models import Membership\n"
        "m = Membership.objects.filter(user__email='initiative@demo.example')"
        ".select_related('organisation__initiative').first()\n"
        "o = Occurrence.objects.filter(event__registration_enabled=True, start__gt=timezone.now())"
        ".exclude(event__status='pending').select_related('event').order_by('start').first()\n"
        "c = Campaign.objects.filter(submissions_open=True).order_by('starts_on').first()\n"
        "i = Initiative.objects.filter(status=Status.PUBLISHED).exclude(contact_email='')"
        ".order_by('pk').first()\n"
        "print(json.dumps({'entry': m.organisation.initiative.slug,"
        " 'lat': m.organisation.initiative.latitude, 'lon': m.organisation.initiative.longitude,"
        " 'event': o.event.slug, 'occurrence': o.pk, 'campaign': c.slug,"
        " 'campaign_day': c.starts_on.isoformat(), 'contact_entry': i.slug,"
        " 'contact_email': i.contact_email}))"
    )


def start_services(stack: Stack) -> None:
    stack.start("web-a", "web", PORT=str(PORT_A))
    stack.start("web-b", "web", PORT=str(PORT_B))
    stack.start("worker", "worker")
    stack.start("scheduler", "scheduler")
    for port in (PORT_A, PORT_B):
        wait_for(f"/healthz 200 on :{port}", lambda p=port: health(p)[0] == 200, timeout=90)
        # Each worker warmed its map index before it took the first request.
        status, body = health(port, "/healthz/ready")
        check(status == 200 and body == {"status": "ready"}, f"/healthz/ready is 200 on :{port}")
    log("both instances, the worker and the scheduler are up")


def check_registration_mail(facts: dict, inbox: Inbox) -> None:
    browser = Browser(f"http://127.0.0.1:{PORT_A}", client_ip="203.0.113.1")
    address = "anna@smoke.example"
    status, _ = browser.submit(
        f"/veranstaltungen/{facts['event']}/",
        action="anmelden",
        data={"occurrence": str(facts["occurrence"]), "name": "Anna", "email": address},
    )
    check(status == 200, "a registration on A is accepted")
    mail = wait_for("the confirmation mail", lambda: inbox.to(address), timeout=30)
    check(len(mail) == 1, "its confirmation mail arrives through the worker (exactly one)")


def check_edit_on_a_seen_on_b(facts: dict) -> None:
    b = Browser(f"http://127.0.0.1:{PORT_B}")
    lat, lon = facts["lat"], facts["lon"]
    bbox = f"{lon - 0.01},{lat - 0.01},{lon + 0.01},{lat + 0.01}"
    b.json(f"/api/v1/map?zoom=17&bbox={bbox}")  # B has built its index and cached the answer
    editor = Browser(f"http://127.0.0.1:{PORT_A}")
    status, _ = editor.submit(
        "/konto/login/",
        action="login",
        data={"login": "initiative@demo.example", "password": "mitmachen-demo"},
    )
    check(status in (200, 302), "the demo editor logs in on A")
    marker = f"Smoke {secrets.token_hex(3)}"
    status, page = editor.submit(
        f"/initiativen/{facts['entry']}/bearbeiten/", action="bearbeiten", data={"name": marker}
    )
    check(status in (200, 302) and "Konflikt" not in page, f"A saves the new name {marker!r}")
    _, found = b.json(f"/api/v1/initiatives?q={marker.replace(' ', '+')}")
    check(found["count"] == 1, "B's API finds the new name at once")
    _, features = b.json(f"/api/v1/map?zoom=17&bbox={bbox}")
    names = [f["properties"].get("name", "") for f in features["features"]]
    check(marker in names, "B's map shows the new name at once")


def check_limits_across_instances(stack: Stack, facts: dict, inbox: Inbox) -> None:
    limits = stack.query(
        "import json; from django.conf import settings; print(json.dumps("
        "{a: {k: r.count for k, r in v.items()} for a, v in settings.RATE_LIMITS.items()}))"
    )
    ports, event, day = (PORT_A, PORT_B), facts["event"], facts["campaign_day"]

    def registration(n: int) -> dict:
        return {"occurrence": str(facts["occurrence"]), "name": f"X{n}", "email": VICTIM}

    def action(n: int) -> dict:
        return {
            "title": f"Aktion {n}",
            "description": "Wir räumen auf.",
            "start": f"{day}T10:00",
            "end": f"{day}T12:00",
            "format": "in_person",
            "venue_name": "Marktplatz",
            "postcode": "44787",
            "city": "Bochum",
            "organiser_name": "Smoke",
            "organiser_email": VICTIM,
        }

    def message(n: int) -> dict:
        return {
            "name": f"Y{n}",
            "email": f"s{n}@smoke.example",
            "message": "Hallo!",
            "consent": "on",
        }

    floods = [
        # what, page, form action, data, count, (limit kind, target), mails to, mails allowed
        (
            "registrations",
            f"/veranstaltungen/{event}/",
            "anmelden",
            registration,
            500,
            limits["register"]["email"],
            VICTIM,
            1,
        ),
        (
            "campaign actions",
            f"/veranstaltungen/aktionen/{facts['campaign']}/",
            facts["campaign"],
            action,
            100,
            limits["campaign"]["email"],
            VICTIM,
            limits["campaign"]["email"],
        ),
        (
            "contact messages",
            f"/initiativen/{facts['contact_entry']}/kontakt/",
            "kontakt",
            message,
            500,
            limits["contact"]["entry"],
            facts["contact_email"],
            limits["contact"]["entry"],
        ),
    ]
    for what, page, form, make_data, count, allowed, recipient, mails_allowed in floods:
        before = len(inbox.to(recipient))
        statuses = flood(ports, page, form, make_data, count)
        accepted = sum(1 for s in statuses if s in (200, 302))
        check(
            accepted <= allowed and accepted + statuses.count(429) == count,
            f"{count} {what} for one target over A and B: {accepted} accepted (limit "
            f"{allowed}), {statuses.count(429)} answered 429",
        )
        wait_for("the queue to drain", lambda: queue_drained(PORT_A), timeout=120)
        mails = len(inbox.to(recipient)) - before
        check(mails <= mails_allowed, f"mails from the {what}: {mails} (allowed {mails_allowed})")


def check_worker_loss_and_exactly_once(stack: Stack, facts: dict, inbox: Inbox) -> None:
    stack.stop("worker", signal.SIGKILL)
    wait_for("/healthz 503 without a worker", lambda: health(PORT_B)[0] == 503, timeout=30)
    check(health(PORT_A)[1]["tasks"]["workers"] == 0, "/healthz is 503 on both: no live worker")
    addresses = [f"queued{n}@smoke.example" for n in range(20)]
    statuses = flood(
        (PORT_A, PORT_B),
        f"/veranstaltungen/{facts['event']}/",
        "anmelden",
        lambda n: {"occurrence": str(facts["occurrence"]), "name": f"Q{n}", "email": addresses[n]},
        len(addresses),
    )
    check(statuses.count(200) == 20, "20 registrations queue 20 mails while no worker runs")
    check(not any(inbox.to(a) for a in addresses), "nothing is sent while the worker is away")
    stack.start("worker", "worker")
    wait_for("a first mail", lambda: any(inbox.to(a) for a in addresses), timeout=60, interval=0.02)
    stack.stop("worker", signal.SIGKILL)
    sent_before_restart = sum(1 for a in addresses if inbox.to(a))
    log(f"worker killed after {sent_before_restart} of 20 mails; restarting it")
    stack.start("worker", "worker")
    wait_for("every queued mail", lambda: all(inbox.to(a) for a in addresses), timeout=120)
    wait_for("the queue to drain", lambda: queue_drained(PORT_B), timeout=60)
    # SMTP cannot promise exactly once: a kill between the server's "250 OK" and the sent
    # record (a few milliseconds, see core.mail_delivery) re-sends that one mail, with the same
    # Message-ID, which mail programs show once. Anything more is a defect.
    copies = {a: [m["Message-ID"] for m in inbox.to(a)] for a in addresses}
    repeated = [a for a, ids in copies.items() if len(ids) > 1]
    check(
        all(len(set(ids)) == 1 for ids in copies.values())
        and len(repeated) <= 1
        and all(len(copies[a]) == 2 for a in repeated),
        f"each queued mail arrived once ({len(repeated)} re-sent with its Message-ID: the one "
        "in flight at the kill)",
    )
    check(health(PORT_A)[0] == 200 and health(PORT_B)[0] == 200, "/healthz is 200 again")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the work folder and database")
    args = parser.parse_args()
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="mmk-smoke-"))
    stack = Stack(workdir)
    inbox = Inbox("127.0.0.1", SMTP_PORT)
    inbox.start()
    try:
        fresh_database()
        facts = setup(stack)
        start_services(stack)
        check_registration_mail(facts, inbox)
        check_edit_on_a_seen_on_b(facts)
        check_limits_across_instances(stack, facts, inbox)
        check_worker_loss_and_exactly_once(stack, facts, inbox)
    except (AssertionError, SystemExit) as failure:
        log(f"FAILED: {failure}")
        for name in ("web-a", "web-b", "worker", "scheduler"):
            print(f"--- {name}.log (tail)\n{stack.tail(name)}")
        return 1
    finally:
        stack.stop_all()
        inbox.stop()
        if not args.keep:
            subprocess.run(["rm", "-rf", str(workdir)], check=False)
    log(f"production smoke test passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
