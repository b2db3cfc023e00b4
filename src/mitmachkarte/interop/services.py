"""Importing entries from files (Karte von morgen, the platform's own CSV/GeoJSON export).

One import is one transaction: a file-level error writes nothing, row-level problems are
reported and the other rows go in; a dry run rolls everything back. Rows are matched to
earlier imports by (source, source id): changed rows update their initiative, unchanged ones
are skipped. New rows that look like an existing entry (initiatives.duplicates) are reported,
not created.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.geocoding import geocode
from mitmachkarte.initiatives.duplicates import find_duplicates
from mitmachkarte.initiatives.lifecycle import set_status
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.services import (
    create_initiative,
    keep_slug,
    update_initiative_fields,
)

from .mapping import TagMapping, load_mapping
from .models import ImportedEntry
from .readers import FORMATS, ImportFileError, Row, read_rows

__all__ = ["ImportFileError", "ImportReport", "import_entries"]

# Fields copied onto the initiative as they are (besides name, texts, point and topics).
PLAIN_FIELDS = [
    "description",
    "street",
    "postcode",
    "city",
    "website",
    "contact_email",
    "contact_phone",
    "meeting_times",
    "opening_hours",
    "how_to_join",
    "founded_year",
    "data_licence",
]


@dataclass
class ImportReport:
    source: str
    fmt: str
    dry_run: bool
    created: list[tuple[int, str, str]] = field(default_factory=list)  # line, name, slug
    updated: list[tuple[int, str, str]] = field(default_factory=list)
    unchanged: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str, str, str]] = field(default_factory=list)  # …, slug, why
    rejected: list[tuple[int, str]] = field(default_factory=list)  # line, reason
    warnings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "new": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "duplicates": len(self.duplicates),
            "rejected": len(self.rejected),
        }

    def as_text(self) -> str:
        """The report for a terminal, in the active language."""
        labels = {
            "new": _("new"),
            "updated": _("updated"),
            "unchanged": _("unchanged"),
            "duplicates": _("duplicates"),
            "rejected": _("rejected"),
        }
        head = _("DRY RUN, nothing saved.") + " " if self.dry_run else ""
        lines = [
            head
            + _("Import from %(source)s (%(fmt)s):") % {"source": self.source, "fmt": self.fmt}
            + " "
            + ", ".join(f"{n} {labels[k]}" for k, n in self.counts.items())
        ]
        line = _("line %(line)s")
        reasons = {"name": _("name"), "website": _("website"), "email": _("e-mail")}
        for title, items in [
            (_("New"), [(n, f"{name} → {slug}") for n, name, slug in self.created]),
            (_("Updated"), [(n, f"{name} → {slug}") for n, name, slug in self.updated]),
            (
                _("Duplicates (not created)"),
                [
                    (
                        n,
                        _("%(name)s looks like %(slug)s (same %(why)s)")
                        % {"name": name, "slug": slug, "why": reasons.get(why, why)},
                    )
                    for n, name, slug, why in self.duplicates
                ],
            ),
            (_("Rejected"), self.rejected),
            (_("Warnings"), self.warnings),
        ]:
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  {line % {'line': n}}: {text}" for n, text in items)
        return "\n".join(lines)


def _message(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{f}: {' '.join(m)}" for f, m in error.message_dict.items())
    return " ".join(error.messages)


def _content_hash(entry: dict) -> str:
    return hashlib.sha256(json.dumps(entry, sort_keys=True, default=str).encode()).hexdigest()


def _locate(row: Row, report: ImportReport) -> bool:
    """Coordinates for rows without them, from the address; False when impossible."""
    entry = row.entry
    if (entry["latitude"] is None) != (entry["longitude"] is None):
        report.rejected.append((row.line, _("latitude or longitude is missing")))
        return False
    if entry["latitude"] is not None:
        return True
    found = geocode(street=entry["street"], postcode=entry["postcode"], city=entry["city"])
    if found is None:
        report.rejected.append(
            (
                row.line,
                _(
                    "no coordinates, and the address could not be "
                    "located (give lat/lng or a German postcode)"
                ),
            )
        )
        return False
    entry["latitude"], entry["longitude"] = found.latitude, found.longitude
    if found.precision == "postcode":
        report.warnings.append(
            (
                row.line,
                _("placed at the centre of postcode area %(postcode)s; check the point")
                % {"postcode": entry["postcode"]},
            )
        )
    return True


def _create(entry: dict, fmt: str, *, actor, source: str) -> Initiative:
    """A new entry, published like any other (lifecycle.set_status: decision, history)."""
    fields = {f: entry[f] for f in PLAIN_FIELDS}
    initiative = create_initiative(
        name=entry["name"],
        short_description=entry["short_description"],
        latitude=entry["latitude"],
        longitude=entry["longitude"],
        categories=entry["categories"],
        sdgs=entry["sdgs"],
        tags=entry["tags"],
        actor=actor,
        reason=_reason(source),
        **fields,
    )
    if fmt != "kvm-csv" and entry["slug"]:
        # Keep the exported slug, so links to entries keep working after a move.
        initiative = keep_slug(initiative=initiative, slug=entry["slug"])
    return set_status(
        initiative=initiative,
        status=Status.PUBLISHED,
        actor=actor,
        reason=_reason(source),
        via="import",
        confirmed_at=entry["last_confirmed_at"] or None,
    )


def _update(initiative: Initiative, entry: dict, *, actor, source: str) -> Initiative:
    """Overwrite an imported initiative with the source's newer content (status unchanged):
    imports treat the source as master for the entries it brought in."""
    changes = {f: entry[f] for f in (*PLAIN_FIELDS, "name", "short_description")}
    changes.update(
        latitude=entry["latitude"],
        longitude=entry["longitude"],
        categories=entry["categories"],
        sdgs=entry["sdgs"],
        tags=entry["tags"],
    )
    if entry["last_confirmed_at"]:
        changes["last_confirmed_at"] = entry["last_confirmed_at"]
    return update_initiative_fields(
        initiative=initiative, changes=changes, actor=actor, reason=_reason(source)
    )


def _reason(source: str) -> str:
    return f"Import ({source})"


def _import_row(
    row: Row, *, source: str, fmt: str, report: ImportReport, seen: dict, actor
) -> None:
    entry, source_id = row.entry, row.entry["source_id"]
    if source_id and source_id in seen:
        report.rejected.append(
            (
                row.line,
                _("id %(id)s appears twice in the file (first on line %(line)s)")
                % {"id": source_id, "line": seen[source_id]},
            )
        )
        return
    seen[source_id] = row.line
    geocoded = entry["latitude"] is None  # placed from its address: often hundreds of m off
    if not _locate(row, report):
        return
    digest = _content_hash(entry)
    previous = (
        ImportedEntry.objects.select_related("initiative")
        .filter(source=source, source_id=source_id)
        .first()
        if source_id
        else None
    )
    if previous and previous.content_hash == digest:
        report.unchanged.append((row.line, entry["name"]))
        return
    if previous is None:
        duplicates = find_duplicates(
            name=entry["name"],
            latitude=entry["latitude"],
            longitude=entry["longitude"],
            website=entry["website"],
            contact_email=entry["contact_email"],
            postcode=entry["postcode"],
            geocoded=geocoded,
        )
        if duplicates:
            d = duplicates[0]
            report.duplicates.append((row.line, entry["name"], d.initiative.slug, d.reason))
            return
    try:
        with transaction.atomic():  # a savepoint: a failing row leaves no trace
            if previous:
                initiative = _update(previous.initiative, entry, actor=actor, source=source)
                previous.content_hash, previous.imported_at = digest, timezone.now()
                previous.save(update_fields=["content_hash", "imported_at"])
                report.updated.append((row.line, initiative.name, initiative.slug))
            else:
                initiative = _create(entry, fmt, actor=actor, source=source)
                if source_id:
                    ImportedEntry.objects.create(
                        source=source,
                        source_id=source_id,
                        initiative=initiative,
                        content_hash=digest,
                    )
                report.created.append((row.line, initiative.name, initiative.slug))
    except ValidationError as exc:
        report.rejected.append((row.line, _message(exc)))
        return
    report.warnings.extend((row.line, w) for w in row.warnings)


def import_entries(
    *,
    data: str | Path | BinaryIO | bytes,
    fmt: str,
    source: str = "",
    dry_run: bool = False,
    mapping: TagMapping | str | Path | None = None,
    actor=None,
) -> ImportReport:
    """Import a file of entries as published initiatives and report row by row.

    `data` is a path, an open binary file (e.g. an upload) or bytes; `fmt` one of
    "kvm-csv", "csv", "geojson"; `source` names the origin for idempotent re-imports
    (default: "kvm" for kvm-csv, else the format); `actor`: who imports (the history and
    the decision log name them). Raises ImportFileError (nothing written)
    when the file as a whole cannot be read; mapping.MappingError for a bad mapping file.
    """
    if fmt not in FORMATS:
        raise ImportFileError(
            _("unknown format “%(fmt)s”; use one of %(formats)s")
            % {"fmt": fmt, "formats": ", ".join(FORMATS)}
        )
    source = (source or ("kvm" if fmt == "kvm-csv" else fmt)).strip()[:80]
    if not isinstance(mapping, TagMapping):
        mapping = load_mapping(mapping)
    rows = read_rows(data, fmt, mapping)
    report = ImportReport(source=source, fmt=fmt, dry_run=dry_run)
    seen: dict[str, int] = {}
    with transaction.atomic():
        for row in rows:
            if isinstance(row, Row):
                _import_row(row, source=source, fmt=fmt, report=report, seen=seen, actor=actor)
            else:
                report.rejected.append(row)
        if dry_run:
            transaction.set_rollback(True)
    report.rejected.sort()
    return report
