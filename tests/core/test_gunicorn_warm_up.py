"""The production gunicorn settings: a worker warms up before it takes traffic, and a warm-up
longer than gunicorn's timeout does not get it killed (mitmachkarte/gunicorn_conf.py)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

WRAPPER = """
from mitmachkarte.gunicorn_conf import *  # noqa: F403
from mitmachkarte import gunicorn_conf as production


def post_worker_init(worker):
    # A warm-up three times longer than the timeout, in place of the map index.
    import time
    from mitmachkarte.core import readiness

    readiness._warmers.clear()
    readiness.register("slow", lambda: time.sleep(6))
    production.post_worker_init(worker)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_slow_warm_up_is_not_killed_and_no_request_waits_for_it(tmp_path):
    (tmp_path / "slow_conf.py").write_text(WRAPPER)
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}},
        "PYTHONPATH": str(tmp_path),
        "MITMACHKARTE_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "x7Gq2-production-like-secret-key-with-enough-entropy-9fKz3LpQwErTy",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WEB_CONCURRENCY": "2",
        "PORT": str(port),
        "GUNICORN_TIMEOUT": "2",
        "GUNICORN_ACCESS_LOG": "",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "mitmachkarte.wsgi", "-c", "python:slow_conf"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    started = time.monotonic()
    answers = []
    try:
        while len(answers) < 6 and time.monotonic() - started < 60:
            assert server.poll() is None, server.stderr.read()
            try:
                url = f"http://127.0.0.1:{port}/healthz/ready"
                with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
                    answers.append((time.monotonic() - started, response.status))
            except urllib.error.HTTPError as exc:
                answers.append((time.monotonic() - started, exc.code))
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=60)
    assert "WORKER TIMEOUT" not in log
    assert log.count("warm-up done") == 2, log  # one per worker, each once
    assert [status for _, status in answers] == [200] * 6  # never a cold worker
    assert answers[0][0] >= 6  # it took no connection before it was warm
