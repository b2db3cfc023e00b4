"""Readable per-field differences between versions (and of suggestions) for the pages."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from mitmachkarte.core.concurrency import last_changes
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.versions import EDITABLE_FIELDS, snapshot, version_token
from mitmachkarte.taxonomy.models import SDG, Category

from .edits import comparable
from .history import record_snapshot


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class VersionRow:
    record: object
    who: str
    reason: str
    changes: list[Change] = field(default_factory=list)


def _label(name: str) -> str:
    label = str(Initiative._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


def _show(name: str, value, lookups: dict) -> str:
    if value in (None, "", []):
        return "—"
    if name == "categories":
        return ", ".join(lookups["categories"].get(v, v) for v in value)
    if name == "sdgs":
        return ", ".join(f"{n} {lookups['sdgs'].get(n, '')}".strip() for n in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _lookups() -> dict:
    # `name` is a property choosing the active language.
    return {
        "categories": {c.slug: c.name for c in Category.objects.all()},
        "sdgs": {s.number: s.name for s in SDG.objects.all()},
    }


def compare(old: dict, new: dict, lookups: dict | None = None) -> list[Change]:
    lookups = lookups or _lookups()
    return [
        Change(
            _label(name), _show(name, old.get(name), lookups), _show(name, new.get(name), lookups)
        )
        for name in EDITABLE_FIELDS
        if name in new and comparable(name, old.get(name)) != comparable(name, new.get(name))
    ]


def _who(record) -> str:
    user = record.history_user
    if user is None:
        return _("system, a mail link, or a deleted account")
    return user.get_username()


def version_rows(records: list, initiative: Initiative) -> list[VersionRow]:
    """One row per version (newest first) with its changes against the version before."""
    lookups, cache = _lookups(), {}

    def snap(record) -> dict:
        if record.history_id not in cache:
            cache[record.history_id] = record_snapshot(record)
        return cache[record.history_id]

    rows = []
    for record in records:
        before = record.prev_record
        row = VersionRow(record=record, who=_who(record), reason=record.history_change_reason or "")
        if before is not None:
            row.changes = compare(snap(before), snap(record), lookups)
            if record.status != before.status:
                row.changes.append(
                    Change(_("Status"), before.get_status_display(), record.get_status_display())
                )
            if record.last_confirmed_at != before.last_confirmed_at:
                row.changes.append(
                    Change(
                        _("Last confirmed"),
                        f"{before.last_confirmed_at:%d.%m.%Y}",
                        f"{record.last_confirmed_at:%d.%m.%Y}",
                    )
                )
        rows.append(row)
    return rows


def suggestion_rows(suggestion) -> list[Change]:
    """Current value → suggested value for each suggested field."""
    return compare(snapshot(suggestion.initiative), suggestion.changes)


@dataclass
class Review:
    """A suggestion on the review page: its rows, the version token of the suggested
    fields as shown (accepting checks it), and what changed in them since it was made."""

    suggestion: object
    rows: list[Change]
    version: str
    changed_since: list[Change]
    changed_by: list[str]


def review(suggestion) -> Review:
    initiative, fields = suggestion.initiative, list(suggestion.changes)
    now = snapshot(initiative, fields)
    then_record = initiative.history.filter(history_date__lte=suggestion.created_at).first()
    since, who = [], []
    if then_record is not None:
        lookups = _lookups()
        then = {k: v for k, v in record_snapshot(then_record).items() if k in fields}
        since = compare(then, now, lookups)
        if since:
            who, _when = last_changes(initiative, since=suggestion.created_at)
    return Review(
        suggestion=suggestion,
        rows=compare(now, suggestion.changes),
        version=version_token(initiative, fields),
        changed_since=since,
        changed_by=who,
    )


def labels() -> dict[str, str]:
    return {name: _label(name) for name in EDITABLE_FIELDS}


def shower():
    """`show(field, value)` for core.conflict_notice.notice: entry values as on the pages."""
    lookups = _lookups()
    return lambda name, value: _show(name, value, lookups)
