"""Writes to a municipality's strategy tree: thematic fields → strategic goals → operational
goals → measures, progress notes and publishing (indicators: indicator_services.py).

Every function is keyword-only and one transaction; it checks that `actor` may edit the
strategy (`strategy.edit`; `actor=None` is a script or a management command) and the rules
of values.py. Versions are django-simple-history records naming the actor. Edits from a
form pass the form's version token (core.concurrency): a stale one raises ConflictError and
writes nothing.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core import concurrency
from mitmachkarte.core.permissions import require_perm
from mitmachkarte.municipalities.models import Municipality

from . import levels
from .levels import MEASURE, Level
from .models import Measure, ProgressNote, Strategy
from .values import check_sibling_codes, clean_values

DEFAULT_TITLE = "Nachhaltigkeitsstrategie %(name)s"


def may_edit(actor, strategy: Strategy) -> None:
    if actor is not None:
        require_perm(actor, "strategy.edit", strategy.municipality)


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def save_versioned(obj, *, actor, reason: str = "") -> None:
    """Save `obj` as a new version by `actor` (simple-history reads these attributes)."""
    obj._history_user = _user(actor)
    obj._change_reason = reason[:100]
    if hasattr(obj, "updated_at"):
        obj.updated_at = timezone.now()
    try:
        obj.save()
    finally:
        del obj._history_user, obj._change_reason


def delete_versioned(obj, *, actor, reason: str = "") -> None:
    obj._history_user = _user(actor)
    obj._change_reason = reason[:100]
    obj.delete()


# --- the strategy ----------------------------------------------------------------------------


@transaction.atomic
def get_or_create_strategy(
    *, municipality: Municipality, actor, title: str = "", is_demo: bool = False
) -> Strategy:
    """The municipality's strategy; a new one is unpublished until the municipality says so."""
    existing = Strategy.objects.filter(municipality=municipality).first()
    if existing:
        return existing
    strategy = Strategy(
        municipality=municipality,
        title=(title or DEFAULT_TITLE % {"name": municipality.name})[:200],
        is_demo=is_demo,
    )
    may_edit(actor, strategy)
    save_versioned(strategy, actor=actor, reason="created")
    return strategy


STRATEGY_FIELDS = ("title", "summary", "published")


@transaction.atomic
def update_strategy(
    *, strategy: Strategy, actor, changes: dict, expected_version: str | None = None
) -> Strategy:
    may_edit(actor, strategy)
    unknown = set(changes) - set(STRATEGY_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s") % {"names": ", ".join(unknown)})
    strategy = Strategy.objects.select_for_update().get(pk=strategy.pk)
    concurrency.check_model(strategy, expected_version, covering=changes)
    if "title" in changes:
        changes["title"] = (changes["title"] or "").strip()
        if not changes["title"]:
            raise ValidationError({"title": _("A title is needed.")})
    if all(getattr(strategy, k) == v for k, v in changes.items()):
        return strategy
    for name, value in changes.items():
        setattr(strategy, name, value)
    save_versioned(strategy, actor=actor, reason="edited")
    return strategy


# --- nodes -----------------------------------------------------------------------------------


def _check_parent(level: Level, parent) -> None:
    expected = levels.parent_level(level)
    ok = isinstance(parent, Strategy) if expected is None else isinstance(parent, expected.model)
    if not ok:
        # A measure hangs below exactly one operational goal, and so on up the tree.
        raise ValidationError(
            _("A %(level)s belongs below a %(parent)s.")
            % {
                "level": level.label,
                "parent": expected.label if expected else _("strategy"),
            }
        )


def _siblings(level: Level, parent):
    return level.model.objects.filter(**{level.parent_field: parent})


def _set_m2m(node, m2m: dict) -> None:
    for name, objects in m2m.items():
        getattr(node, name).set(objects)


@transaction.atomic
def create_node(*, level: Level, parent, actor, values: dict):
    """A new node of `level` below `parent` (the strategy for a thematic field)."""
    _check_parent(level, parent)
    may_edit(actor, levels.strategy_of(parent))
    values = dict(values)
    if "targets" in values:
        values.setdefault("sdgs", [])
    scalar, m2m = clean_values(level, values)
    for required in ("code", "title"):
        if required not in scalar:
            clean_values(level, {required: ""})  # raises the field's message
    check_sibling_codes(_siblings(level, parent), scalar["code"])
    if "position" not in scalar:
        last = _siblings(level, parent).order_by("-position").first()
        scalar["position"] = (last.position + 1) if last else 0
    node = level.model(**{level.parent_field: parent}, **scalar)
    save_versioned(node, actor=actor, reason="created")
    _set_m2m(node, m2m)
    return node


def _locked(node):
    return type(node).objects.select_for_update().get(pk=node.pk)


@transaction.atomic
def update_node(
    *,
    node,
    actor,
    changes: dict,
    expected_version: str | None = None,
    note: str = "",
    note_date: date | None = None,
):
    """Change fields of a node. A measure's status change writes a ProgressNote (with
    `note` as its text), so the status keeps its history."""
    level = levels.level_of(node)
    may_edit(actor, levels.strategy_of(node))
    node = _locked(node)
    concurrency.check_model(node, expected_version, covering=changes)
    changes = dict(changes)
    if "targets" in changes:
        changes.setdefault("sdgs", list(node.sdgs.all()))
    scalar, m2m = clean_values(level, changes)
    if "code" in scalar:
        parent = levels.parent_of(node)
        check_sibling_codes(_siblings(level, parent), scalar["code"], exclude_pk=node.pk)
    old_status = node.status if level is MEASURE else None
    changed = {k: v for k, v in scalar.items() if getattr(node, k) != v}
    m2m_changed = {
        k: v for k, v in m2m.items() if {o.pk for o in getattr(node, k).all()} != {o.pk for o in v}
    }
    if not changed and not m2m_changed:
        if note.strip() and level is MEASURE:
            add_progress_note(measure=node, actor=actor, text=note, on=note_date)
        return node
    for name, value in changed.items():
        setattr(node, name, value)
    save_versioned(node, actor=actor, reason="edited")
    _set_m2m(node, m2m_changed)
    if level is MEASURE and "status" in changed:
        ProgressNote.objects.create(
            measure=node,
            date=note_date or timezone.localdate(),
            text=note.strip(),
            status_from=old_status,
            status_to=node.status,
            author=_user(actor),
        )
    elif level is MEASURE and note.strip():
        add_progress_note(measure=node, actor=actor, text=note, on=note_date)
    return node


@transaction.atomic
def move_node(*, node, new_parent, actor, position: int | None = None):
    """Hang a node below another parent of the level above, in the same strategy."""
    level = levels.level_of(node)
    _check_parent(level, new_parent)
    strategy = levels.strategy_of(node)
    if levels.strategy_of(new_parent).pk != strategy.pk:
        raise ValidationError(_("A node can only move within its own strategy."))
    may_edit(actor, strategy)
    node = _locked(node)
    check_sibling_codes(_siblings(level, new_parent), node.code, exclude_pk=node.pk)
    setattr(node, level.parent_field, new_parent)
    if position is not None:
        node.position = max(0, position)
    save_versioned(node, actor=actor, reason="moved")
    return node


@transaction.atomic
def delete_node(*, node, actor) -> None:
    """Delete a node with everything below it (their versions stay in the history)."""
    may_edit(actor, levels.strategy_of(node))
    delete_versioned(_locked(node), actor=actor, reason="deleted")


@transaction.atomic
def set_published(*, obj, published: bool, actor):
    """Publish or withdraw the strategy, a node or an indicator. A node is public only when
    everything above it is published too."""
    strategy = obj if isinstance(obj, Strategy) else levels.strategy_of(_parent_node(obj))
    may_edit(actor, strategy)
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if obj.published != published:
        obj.published = published
        save_versioned(obj, actor=actor, reason="published" if published else "unpublished")
    return obj


def _parent_node(obj):
    """The node an indicator hangs on, or the node itself."""
    if type(obj) in levels.BY_MODEL:
        return obj
    return obj.strategic_goal or obj.operational_goal


# --- progress notes --------------------------------------------------------------------------


@transaction.atomic
def add_progress_note(*, measure: Measure, actor, text: str, on: date | None = None):
    may_edit(actor, levels.strategy_of(measure))
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("A progress note needs a text.")})
    return ProgressNote.objects.create(
        measure=measure, date=on or timezone.localdate(), text=text, author=_user(actor)
    )


@transaction.atomic
def delete_progress_note(*, note: ProgressNote, actor) -> None:
    """Only plain notes: a note of a status change is the status's history and stays."""
    may_edit(actor, levels.strategy_of(note.measure))
    if note.status_to:
        raise ValidationError(_("A status change stays in the history."))
    note.delete()
