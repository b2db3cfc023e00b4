"""Nothing documented gets lost, and what is documented exists.

README.md is the first screen; docs/ holds one page per area. These checks keep the two honest:
what the README documented before the split (readme_before_split.txt), every environment
variable that settings.py reads, every management command and every URL route of the project
stay documented; every URL path the documentation writes resolves; links and pictures exist.
"""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RoutePattern

from tests.docs.documented import (
    ROOT,
    commands,
    documentation_text,
    names,
    normalise,
    url_paths,
)

SNAPSHOT = Path(__file__).with_name("readme_before_split.txt")
SETTINGS = ROOT / "src/mitmachkarte/settings.py"
ENV_READ = re.compile(r"(?:os\.environ\.get|env_bool|env_list)\(\s*\"([A-Z][A-Z0-9_]*)\"")
# Paths in the documentation that are files on the machine, not URLs.
# /media/ is served by the web server (by Django only with DEBUG): no route in production.
NOT_URLS = ("/usr/", "/etc/", "/media/")
MAX_PICTURE_BYTES = 120_000


@pytest.fixture(scope="module")
def text() -> str:
    return documentation_text()


def _routes() -> list[str]:
    """Every route of the project as `/path/<>/`, without the admin's, allauth's and the
    static files' (those are the libraries' own)."""

    def walk(patterns, prefix):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace == "admin" or not isinstance(entry.pattern, RoutePattern):
                    continue
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif (
                isinstance(entry, URLPattern)
                and isinstance(entry.pattern, RoutePattern)
                and not entry.lookup_str.startswith("allauth.")
            ):
                yield normalise(prefix + str(entry.pattern))

    return sorted(set(walk(get_resolver().url_patterns, "/")))


def test_what_the_readme_documented_before_the_split_is_still_documented(text):
    paths = {normalise(path) for path in url_paths(text)}
    found = {"path": paths, "command": commands(text), "name": names(text)}
    lines = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    expected = [line.split(" ", 1) for line in lines if line and not line.startswith("#")]
    assert len(expected) > 150, "the snapshot lost its lines"
    missing = [
        f"{kind} {value}"
        for kind, value in expected
        if (normalise(value) if kind == "path" else value) not in found[kind]
    ]
    assert not missing, (
        "No longer documented in README.md or docs/ (write it where it belongs; remove it "
        f"from {SNAPSHOT.name} only when it left the product): {missing}"
    )


def test_every_environment_variable_of_the_settings_is_in_the_configuration_table():
    read = set(ENV_READ.findall(SETTINGS.read_text(encoding="utf-8")))
    assert {"DATABASE_URL", "SECRET_KEY", "DEBUG", "REDIS_URL"} <= read, "the pattern broke"
    operations = (ROOT / "docs/operations.md").read_text(encoding="utf-8")
    table = operations.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    documented = set().union(*(names(row.split(" | ")[0]) for row in rows))
    assert not read - documented, (
        "Read in settings.py but missing from the configuration table of docs/operations.md: "
        f"{sorted(read - documented)}"
    )


def test_every_management_command_of_the_project_is_documented(text):
    ours = {name for name, app in get_commands().items() if app.startswith("mitmachkarte")}
    assert {"load_demo", "scheduler", "import_entries"} <= ours
    missing = {f"mitmachkarte {name}" for name in ours} - commands(text)
    assert not missing, f"Commands without documentation (docs/operations.md#commands): {missing}"


def test_every_url_route_is_documented(text):
    routes = _routes()
    assert len(routes) > 100
    documented = {normalise(path) for path in url_paths(text)}
    missing = [route for route in routes if route not in documented]
    assert not missing, f"Routes of urls.py that no page of docs/ or the README names: {missing}"


def test_every_documented_path_is_a_route(text):
    """A path in inline code resolves, or begins routes (`/konto/`, `/api/`, `/x/…`)."""
    routes = [route.replace("<>", "1") for route in _routes()]
    wrong = []
    for path in sorted(url_paths(text)):
        if path.startswith(NOT_URLS):
            continue
        sample = normalise(path).replace("<>", "1")
        prefix = sample.removesuffix("…")
        try:
            if sample == prefix:
                resolve(sample)
                continue
        except Resolver404:
            pass
        if not any(route.startswith(prefix) for route in routes):
            wrong.append(path)
    assert not wrong, f"Documented paths that are no route of the project: {wrong}"


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_between_the_pages_and_their_anchors_exist():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    anchors = {
        page.resolve(): {
            _anchor(heading)
            for heading in re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.M)
        }
        for page in pages
    }
    broken = []
    for page in pages:
        content = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)|(?:src|href)=\"([^\"]+)\"", content):
            target = target[0] or target[1]
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            linked = (page.parent / file).resolve() if file else page.resolve()
            if not linked.exists() or (anchor and anchor not in anchors.get(linked, set())):
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert not broken, f"Broken links: {broken}"


def test_the_readme_starts_with_the_two_commands_and_small_pictures():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = "\n".join(readme.splitlines()[:40])
    assert "make demo" in first_screen and "make test" in first_screen
    pictures = re.findall(r"<img src=\"([^\"]+\.png)\"", first_screen)
    assert len(pictures) >= 2, "the first screen shows the product"
    for picture in pictures:
        size = (ROOT / picture).stat().st_size
        assert size <= MAX_PICTURE_BYTES, f"{picture} has {size} bytes"
