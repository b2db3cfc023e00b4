"""Optimistic concurrency for edit forms: a save based on a stale version is refused.

An edit form carries a version token: the values of the fields it shows as the page was
rendered, signed (a changed token counts as unreadable, never as current). The service
that saves locks the row (`select_for_update`), reads the same fields again and calls
`check`: if any differs, someone else saved in between and `ConflictError` tells what
changed (old → new), when and by whom where known, and carries a fresh token. Nothing is
written then; the view shows the changes and the form again, merged (`merge`): the
other person's changes where the user changed nothing, the user's own values elsewhere.

Why the values and not a counter column: every writer of a row (other apps, the admin,
imports, queryset updates) moves the check without having to remember to bump a counter;
a change to fields the form does not show (a confirmation, a status) does not block an
editor; and the old values are at hand to show what changed. A value changed and changed
back counts as unchanged: saving over it loses nothing.
"""

import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from django import forms
from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from .text_input import normalise_multiline

SALT = "mitmachkarte.core.concurrency"
FIELD = "version"  # the hidden form field


def record_key(obj: models.Model) -> str:
    """What a token belongs to: a token of one record is unreadable for another."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def _plain(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | set | frozenset | list | tuple):
        items = [_plain(v) for v in value]
        # Related objects and sets have no order that means anything: compare them sorted.
        if isinstance(value, models.QuerySet | set | frozenset) or all(
            isinstance(v, models.Model) for v in value
        ):
            items.sort(key=lambda v: (str(type(v)), v))
        return items
    if isinstance(value, str):
        # Browsers send line breaks as CRLF; trailing blanks are not a change anyone sees.
        return normalise_multiline(value)
    return value


def normalise(values: Mapping) -> dict:
    """Comparable JSON values: objects as keys, sets sorted, dates as ISO text."""
    plain = {name: _plain(value) for name, value in values.items()}
    return json.loads(json.dumps(plain, cls=DjangoJSONEncoder, sort_keys=True))


def model_values(obj: models.Model, fields: Iterable[str]) -> dict:
    """The values of model fields of `obj` as a form shows them (relations as keys)."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(getattr(obj, name).values_list("pk", flat=True))
        elif field.is_relation:
            values[name] = getattr(obj, field.attname)
        else:
            values[name] = field.value_from_object(obj)
    return normalise(values)


def make_token(*, key: str, values: Mapping) -> str:
    payload = {"k": key, "t": time.time(), "v": normalise(values)}
    return signing.dumps(payload, salt=SALT, compress=True)


def version_of(obj: models.Model, fields: Iterable[str]) -> str:
    """The token of a form that edits these model fields of `obj`."""
    return make_token(key=record_key(obj), values=model_values(obj, fields))


@dataclass(frozen=True)
class Base:
    """What a token says: the values a form started from, and when it was rendered."""

    values: dict
    issued_at: datetime


def read_token(token: str | None, *, key: str) -> Base | None:
    """The base of a token for `key`; None for a missing, forged or foreign token."""
    try:
        data = signing.loads(token or "", salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not (
        isinstance(data, dict)
        and data.get("k") == key
        and isinstance(data.get("v"), dict)
        and isinstance(data.get("t"), int | float)
    ):
        return None
    return Base(values=data["v"], issued_at=datetime.fromtimestamp(data["t"], tz=UTC))


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object


class ConflictError(ValidationError):
    """Someone else saved the record after the form was rendered; nothing was written.

    A ValidationError, so that a view that only knows those still shows a clear message.
    `changes` lists what the other side changed (empty when the token was unreadable:
    then `base` is None and nothing is known), `current` holds the fields' current
    values and `token` a fresh token to save again with.
    """

    def __init__(
        self,
        *,
        key: str,
        base: Base | None,
        current: dict,
        changed_by: list[str] = (),
        changed_at: datetime | None = None,
    ):
        super().__init__(
            _(
                "Someone else has saved changes in the meantime. Nothing of yours has "
                "been saved yet: please check the changes and save again."
            )
            if base
            else _(
                "This form could not be checked against the current version (it is "
                "outdated or incomplete). Nothing has been saved: please check the "
                "values and save again."
            ),
            code="conflict",
        )
        self.base, self.current = base, current
        self.changes = [
            FieldChange(name, base.values[name], current[name])
            for name in current
            if base and base.values.get(name) != current[name]
        ]
        self.changed_by, self.changed_at = list(changed_by), changed_at
        self.token = make_token(key=key, values=current)


def last_changes(obj: models.Model, *, since: datetime) -> tuple[list[str], datetime | None]:
    """Who changed `obj` after `since` (names) and when last, as far as the record knows:
    the versions of django-simple-history, else an `updated_at` column."""
    history = getattr(obj, "history", None)
    if history is not None and hasattr(history, "filter"):
        records = list(history.filter(history_date__gt=since).select_related("history_user")[:20])
        names = []
        for record in records:
            name = person(record.history_user)
            if name not in names:
                names.append(name)
        return names, (records[0].history_date if records else None)
    updated = getattr(obj, "updated_at", None)
    return [], (updated if isinstance(updated, datetime) and updated > since else None)


def person(user) -> str:
    """A name to show for a user: the full name or the part of the login before any @."""
    if user is None:
        return str(_("someone without an account (a link or the system)"))
    return user.get_full_name() or user.get_username().split("@")[0]


def check(
    token: str | None,
    *,
    obj: models.Model,
    read: Callable[[list[str]], Mapping],
    covering: Iterable[str],
) -> None:
    """Raise ConflictError unless `token` is a token of `obj` whose values are current.

    Call it inside the write transaction with `obj` locked. `read(fields)` returns the
    record's values of `fields` now. `covering`: the fields of the form being saved; the
    token must include them (a token of fewer fields proves nothing about the others),
    and after an unreadable token the fresh one covers them.
    """
    key, covering = record_key(obj), list(covering)
    base = read_token(token, key=key)
    if base is not None and set(covering) <= set(base.values):
        try:
            current = normalise(read(list(base.values)))
        except (AttributeError, LookupError, FieldDoesNotExist):
            base = None  # a token of an older release that named other fields
        else:
            if base.values == current:
                return
            changed_by, changed_at = last_changes(obj, since=base.issued_at)
            raise ConflictError(
                key=key, base=base, current=current, changed_by=changed_by, changed_at=changed_at
            )
    raise ConflictError(key=key, base=None, current=normalise(read(covering)))


def check_model(obj: models.Model, expected_version: str | None, *, covering: Iterable[str]):
    """`check` for a form of plain model fields of the locked `obj`; None: no form to check
    (scripts, imports, the API)."""
    if expected_version is not None:
        check(
            expected_version,
            obj=obj,
            read=lambda fields: model_values(obj, fields),
            covering=covering,
        )


def merge(conflict: ConflictError, mine: Mapping) -> tuple[dict, set[str]]:
    """The values to show again after a conflict, and the fields both sides changed.

    Where the user kept the value they started from, the other side's value; where they
    typed something, their own value (it is what they want; they see the other change).
    Without a base (unreadable token) the user's values throughout.
    """
    mine = normalise(mine)
    if conflict.base is None:
        return mine, set()
    merged, both = dict(mine), set()
    for change in conflict.changes:
        if change.field not in mine:
            continue
        if mine[change.field] == change.old:
            merged[change.field] = change.new
        elif mine[change.field] != change.new:
            both.add(change.field)
    return merged, both


# --- forms -----------------------------------------------------------------------------


def form_model_fields(form: forms.BaseForm) -> list[str]:
    """The fields of a ModelForm that are fields of its model."""
    names = []
    for name in form.fields:
        try:
            field = form._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.concrete or field.many_to_many:
            names.append(name)
    return names


def initial_version(form: forms.BaseModelForm) -> str:
    """The token of an unbound ModelForm of a saved instance, made from the very values the
    form shows (its `initial`), so that nothing can change between showing and token."""
    values = {name: form.initial.get(name) for name in form_model_fields(form)}
    return make_token(key=record_key(form.instance), values=values)


class VersionedForm(forms.Form):
    """Mixin for edit forms: the hidden version token (see `check`). A ModelForm of a
    saved instance fills it by itself from the instance and its model fields."""

    # No tight limit: the token holds the form's texts (compressed); a forged one is refused.
    version = forms.CharField(widget=forms.HiddenInput, required=False, max_length=1_000_000)

    def get_initial_for_field(self, field, field_name):
        instance = getattr(self, "instance", None)
        if field_name == FIELD and not self.initial.get(FIELD) and instance and instance.pk:
            return initial_version(self)
        return super().get_initial_for_field(field, field_name)

    def field_values(self) -> dict:
        """The cleaned data without the version."""
        return {k: v for k, v in self.cleaned_data.items() if k != FIELD}


def form_labels(form: forms.BaseForm) -> dict[str, str]:
    return {name: field.label or name for name, field in form.fields.items()}
