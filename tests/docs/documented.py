"""What the documentation names: URL paths, `mitmachkarte` commands and upper-case names
(environment variables and settings), as the checks in test_documentation.py compare them."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPAN = re.compile(r"`([^`\n]+(?:\n[^`\n]+)?)`")  # inline code; Markdown lets it wrap once
PLACEHOLDER = re.compile(r"<[^<>/]*>|\{[^{}/]*\}")
COMMAND = re.compile(r"\bmitmachkarte\s+([a-z][a-z0-9_]*)\b")
NAME = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
LONE_NAME = re.compile(r"[A-Z][A-Z0-9]{2,}")
METHOD = re.compile(r"^(?:GET|POST|PUT|PATCH|DELETE)\s+")
PATH = re.compile(r"/(?:<[^<>]*>|\{[^{}]*\}|[^\s?<{])*")  # up to the query; `<response id>` is one


def documentation_text() -> str:
    """README.md and every page under docs/."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)


def spans(text: str) -> list[str]:
    return [" ".join(span.split()) for span in SPAN.findall(text)]


def url_paths(text: str) -> set[str]:
    """Paths written in inline code (`/x/`, `GET /api/v1/x?…`), without their query."""
    paths = set()
    for span in spans(text):
        span = METHOD.sub("", span)
        if span.startswith("/") and not span.startswith("//"):
            paths.add(PATH.match(span).group(0).rstrip(",;"))
    return paths


def normalise(path: str) -> str:
    """`/initiativen/<slug>/` and `/initiativen/<slug:slug>/` alike: `/initiativen/<>/`."""
    return PLACEHOLDER.sub("<>", path)


def commands(text: str) -> set[str]:
    return {f"mitmachkarte {name}" for name in COMMAND.findall(" ".join(text.split()))}


def names(text: str) -> set[str]:
    """Upper-case names in inline code: `DEBUG`, `REDIS_URL`, `DEBUG=1`, `settings.X_Y`."""
    found = set()
    for span in spans(text):
        found.update(NAME.findall(span))
        head = span.split("=")[0]
        if LONE_NAME.fullmatch(head):
            found.add(head)
    return found


def items(text: str) -> list[str]:
    """Everything the checks keep, one `kind value` a line."""
    return sorted(
        [f"path {path}" for path in url_paths(text)]
        + [f"command {command}" for command in commands(text)]
        + [f"name {name}" for name in names(text)]
    )


if __name__ == "__main__":
    # python -m tests.docs.documented FILE: the lines of readme_before_split.txt for FILE.
    import sys

    print("\n".join(items(Path(sys.argv[1]).read_text(encoding="utf-8"))))
