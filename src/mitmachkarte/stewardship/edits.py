"""Editing an entry directly: its editors and moderators publish changes at once.

The fields are written by initiatives.services.update_initiative_fields (the one writer of
an entry); this module decides who may, checks the version of the form being saved and
keeps only what differs, so that an unchanged save makes no version.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from mitmachkarte.core.text_input import normalise_multiline
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.services import (
    locked,
    remove_image,
    set_image,
    update_initiative_fields,
)
from mitmachkarte.initiatives.versions import check_version, snapshot
from mitmachkarte.organisations.rules import can_publish_initiative

may_publish = can_publish_initiative  # editors of the entry and its moderators


def authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def comparable(name: str, value):
    """A field's value as compared for changes: multi-line texts with normalised line
    endings and trailing spaces (a browser's CRLF, or text stored before, is no change)."""
    if name in Initiative.MULTILINE_FIELDS and isinstance(value, str):
        return normalise_multiline(value)
    return value


def changed_fields(initiative: Initiative, changes: dict) -> dict:
    """Only the entries of `changes` that differ from the entry as it is (texts normalised)."""
    current = snapshot(initiative)
    changes = {k: comparable(k, v) for k, v in changes.items()}
    return {k: v for k, v in changes.items() if comparable(k, current.get(k)) != v}


def locked_at_version(initiative: Initiative, expected_version: str | None, covering):
    """The entry locked for writing, after the version check of the form being saved."""
    initiative = locked(initiative)
    check_version(initiative, expected_version, covering=covering)
    return initiative


@transaction.atomic
def update_initiative(
    *,
    initiative: Initiative,
    changes: dict,
    user,
    reason: str = "",
    expected_version: str | None = None,
) -> Initiative:
    """Publish `changes` ({field: value}, see `snapshot` for the format) directly; only
    what differs from the entry becomes a version.

    Only the entry's editors and its moderators may; others use `suggest_changes`.
    `expected_version`: the token of the edit form (core.concurrency); the form's values
    go in `changes` completely, so that the check covers every field it showed.
    """
    if not may_publish(user, initiative):
        raise PermissionDenied(
            _("Only the editors of this entry and its moderators may change it directly.")
        )
    initiative = locked_at_version(initiative, expected_version, covering=changes)
    diff = changed_fields(initiative, changes)
    if not diff:
        return initiative
    return update_initiative_fields(initiative=initiative, changes=diff, actor=user, reason=reason)


def update_picture(
    *, initiative: Initiative, user, upload=None, remove: bool = False, alt: str = "", credit=""
) -> Initiative:
    """A new picture (with its description and credit) or none, published at once: only
    for the entry's editors and moderators, as `update_initiative`."""
    if not may_publish(user, initiative):
        raise PermissionDenied(
            _("Only the editors of this entry and its moderators may change it directly.")
        )
    if upload:
        return set_image(
            initiative=initiative,
            upload=upload,
            alt=alt,
            credit=credit,
            actor=user,
            reason="picture",
        )
    if remove and initiative.image:
        return remove_image(initiative=initiative, actor=user, reason="picture removed")
    return initiative
