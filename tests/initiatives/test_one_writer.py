"""One writer per aggregate: only the app owning a model writes it.

Entries (Initiative) are written by initiatives' services and lifecycle only; events by the
events app; needs and offers by the support app. Other apps call those services. This
reads the source (migrations excluded) and lists every write it finds elsewhere: a
manager or queryset write, a constructor call, `.save()` / `.delete()` on a variable of the
model's name, or a field assignment to one.
"""

import ast
from pathlib import Path

import pytest

import mitmachkarte

SRC = Path(mitmachkarte.__file__).parent
# model class -> owning app; variable names that hold one -> owning app
OWNERS = {"Initiative": "initiatives", "Event": "events", "Need": "support", "Offer": "support"}
VARIABLES = {
    "initiative": "initiatives",
    "entry": "initiatives",
    "event": "events",
    "need": "support",
    "offer": "support",
}
WRITES = {"create", "update", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
WRITES_ON_OBJECT = {"save", "save_base", "delete"}


def _chain_root(node: ast.AST) -> ast.AST:
    """`Initiative` of `Initiative.objects.filter(...).update`, `x` of `x.a.b`."""
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            node = node.value
        else:
            return node


def _variable_owner(node: ast.AST) -> str | None:
    """The owning app of `initiative`, `self.initiative`, `proposal.initiative`."""
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)
    return VARIABLES.get(name)


def writes_in(tree: ast.AST) -> list[tuple[int, str, str]]:
    """(line, owning app, what) for every write to an owned model found in `tree`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method, target = node.func.attr, node.func.value
            root = _chain_root(target)
            chain = ast.unparse(node.func)
            if (
                method in WRITES
                and isinstance(root, ast.Name)
                and root.id in OWNERS
                and ".objects" in chain
            ):
                found.append((node.lineno, OWNERS[root.id], chain))
            elif method in WRITES and ".initiatives.through" in chain:  # an entry's m2m rows
                found.append((node.lineno, "initiatives", chain))
            elif method in WRITES_ON_OBJECT and _variable_owner(target):
                found.append((node.lineno, _variable_owner(target), ast.unparse(node.func)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in OWNERS:
                found.append((node.lineno, OWNERS[node.func.id], f"{node.func.id}(…)"))
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and _variable_owner(target.value):
                    found.append((node.lineno, _variable_owner(target.value), ast.unparse(target)))
    return found


def foreign_writes() -> list[str]:
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        if "migrations" in relative.parts:
            continue
        app = relative.parts[0] if len(relative.parts) > 1 else ""
        for line, owner, what in writes_in(ast.parse(path.read_text(), str(path))):
            if owner != app:
                problems.append(f"{relative}:{line}: {what} (owned by {owner})")
    return problems


def test_no_app_writes_another_apps_aggregate():
    assert foreign_writes() == []


@pytest.mark.parametrize(
    "code",
    [
        "initiative.status = 'archived'\ninitiative.save()",
        "Initiative.objects.filter(pk=1).update(status='archived')",
        "Initiative.objects.create(name='x')",
        "report.initiative.save(update_fields=['status'])",
        "Event(title='x').save()",
        "need.delete()",
        "Tag.initiatives.through.objects.bulk_create(rows)",
    ],
)
def test_the_check_finds_a_foreign_write(code):
    assert writes_in(ast.parse(code))


def test_the_check_lets_reads_and_service_calls_pass():
    code = (
        "Initiative.objects.filter(status='published').count()\n"
        "set_status(initiative=initiative, status='archived')\n"
        "initiative.refresh_from_db()\n"
        "name = initiative.name\n"
    )
    assert writes_in(ast.parse(code)) == []
