"""axe-core from the npm registry, injected into pages under test.

The script is not part of the repository: `axe_source()` installs the pinned version with
npm into `.cache/axe/` (ignored by git) on first use, or takes `AXE_CORE_JS` (a path). With
neither npm nor the file the tests are skipped, except under CI=true where they fail.
"""

import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

AXE_VERSION = "4.14.1"
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "axe"
SCRIPT = CACHE / "node_modules" / "axe-core" / "axe.min.js"


@cache
def axe_source() -> str:
    path = Path(os.environ.get("AXE_CORE_JS") or SCRIPT)
    npm = shutil.which("npm")
    if not path.exists() and npm and not os.environ.get("AXE_CORE_JS"):
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                npm,
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(CACHE),
                f"axe-core@{AXE_VERSION}",
            ],
            check=False,
            timeout=300,
        )
    if not path.exists():
        message = f"axe-core not found at {path} (npm install axe-core, or set AXE_CORE_JS)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path.read_text()


def violations(page_or_frame) -> list[dict]:
    """axe's violations of the page (all rules, any impact), shortened for a message."""
    page_or_frame.evaluate(axe_source())
    result = page_or_frame.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ["violations"]});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " " + n.failureSummary)}));
    }""")
    return json.loads(json.dumps(result))
