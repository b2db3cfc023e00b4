"""A refused save (core.concurrency.ConflictError) explained to people: which fields
changed, from what to what, by whom, and what to do now (template core/_conflict.html)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from .concurrency import ConflictError

MERGED_FORM = _(
    "The form below now shows these changes wherever you had changed nothing, and your "
    "own values everywhere else. Check it and save again."
)
UNREADABLE_FORM = _(
    "The form still shows your values. Please check them against the current state and save again."
)


@dataclass
class ConflictRow:
    label: str
    old: str
    new: str
    yours_too: bool


@dataclass
class ConflictNotice:
    """What the template `core/_conflict.html` shows."""

    rows: list[ConflictRow]
    changed_by: list[str]
    changed_at: datetime | None
    unreadable: bool
    next_step: str


def notice(
    conflict: ConflictError,
    *,
    labels: Mapping[str, str],
    show=None,
    both: set[str] = frozenset(),
    show_who: bool = True,
    next_step: str = "",
) -> ConflictNotice:
    """The conflict for people: field labels, readable values (`show(field, value)`) and
    what to do now (by default: check the form, which `merge` filled, and save again)."""
    show = show or (lambda _field, value: display_plain(value))
    rows = [
        ConflictRow(
            label=str(labels.get(c.field, c.field)),
            old=show(c.field, c.old),
            new=show(c.field, c.new),
            yours_too=c.field in both,
        )
        for c in conflict.changes
    ]
    return ConflictNotice(
        rows=rows,
        changed_by=conflict.changed_by if show_who else [],
        changed_at=conflict.changed_at,
        unreadable=conflict.base is None,
        next_step=str(next_step or (UNREADABLE_FORM if conflict.base is None else MERGED_FORM)),
    )


def display_plain(value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def model_display(model: type[models.Model]):
    """`show` for `notice` on a model's fields: choice labels, related objects' names."""

    def show(name: str, value) -> str:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a form field that is no model field
            return display_plain(value)
        if value in (None, "", []):
            return "—"
        if field.is_relation:
            keys = value if isinstance(value, list) else [value]
            found = {o.pk: o for o in field.related_model._default_manager.filter(pk__in=keys)}
            return ", ".join(str(found.get(k, k)) for k in keys)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.DateTimeField) and (moment := parse_datetime(str(value))):
            return date_format(localtime(moment), "SHORT_DATETIME_FORMAT")
        if isinstance(field, models.DateField) and (day := parse_date(str(value))):
            return date_format(day, "SHORT_DATE_FORMAT")
        return display_plain(value)

    return show


def summary(conflict: ConflictError, *, labels: Mapping[str, str], show=None) -> str:
    """The conflict in one line, for pages that answer with a message, not a form."""
    if conflict.base is None:
        return str(conflict.messages[0])
    show = show or (lambda _field, value: display_plain(value))
    changes = "; ".join(
        f"{labels.get(c.field, c.field)}: {show(c.field, c.old)} → {show(c.field, c.new)}"
        for c in conflict.changes
    )
    return str(
        _("Someone else has changed this in the meantime (%(changes)s). Nothing was saved.")
        % {"changes": changes}
    )
