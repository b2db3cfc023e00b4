"""deploy/: the systemd units run exactly the commands of the Procfile that
scripts/prod_smoke.py starts and checks in CI."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNITS = {
    "web": "mitmachkarte-web@.service",
    "worker": "mitmachkarte-worker.service",
    "scheduler": "mitmachkarte-scheduler.service",
}


def _words(command: str) -> list[str]:
    # ${VAR:-default} in the Procfile is ${VAR} in a unit (its EnvironmentFile sets it).
    command = re.sub(r"\$\{(\w+):-[^}]*\}", r"${\1}", command)
    words = command.split()
    words[0] = words[0].rsplit("/", 1)[-1]  # the venv's bin path in the unit
    return words


def procfile() -> dict[str, str]:
    lines = (DEPLOY / "Procfile").read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_every_procfile_process_has_a_unit_running_the_same_command():
    processes = procfile()
    assert set(processes) == set(UNITS)
    for process, unit in UNITS.items():
        text = (DEPLOY / "systemd" / unit).read_text()
        exec_start = re.search(r"^ExecStart=(.+)$", text, re.M).group(1)
        assert _words(exec_start) == _words(processes[process].strip()), process
        assert "EnvironmentFile=/etc/mitmachkarte/env" in text


def test_the_example_environment_names_only_documented_settings():
    documented = (ROOT / "README.md").read_text()
    docs = ROOT / "docs"
    if docs.exists():
        documented += "".join(p.read_text() for p in docs.rglob("*.md"))
    for line in (DEPLOY / "env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name = line.split("=", 1)[0]
            assert f"`{name}`" in documented, name
