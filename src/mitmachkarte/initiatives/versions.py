"""An entry's editable fields as plain values, and the version check of its edit forms.

One plain format for forms, suggestions, history versions and version tokens: scalar
fields as they are, categories as sorted slugs, SDGs as sorted numbers, tags as sorted
names. Every writer of an entry that saves what a form showed calls `check_version`
inside its transaction with the row locked (see core.concurrency).
"""

from collections.abc import Iterable

from mitmachkarte.core import concurrency

from .models import Initiative

# Fields an editor changes; status and licence stay with moderation.
SCALAR_FIELDS = [
    "name",
    "short_description",
    "description",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "contact_email",
    "contact_phone",
    "website",
    "social_links",
    "meeting_times",
    "opening_hours",
    "how_to_join",
    "founded_year",
    "image_alt",
    "image_credit",
]
M2M_FIELDS = ["categories", "sdgs", "tags"]
EDITABLE_FIELDS = SCALAR_FIELDS + M2M_FIELDS


def snapshot(initiative: Initiative, fields: Iterable[str] = EDITABLE_FIELDS) -> dict:
    """The `fields` of an entry (any of its scalar fields and the three m2m fields)."""
    data = {}
    for name in fields:
        if name == "categories":
            data[name] = sorted(initiative.categories.values_list("slug", flat=True))
        elif name == "sdgs":
            data[name] = sorted(initiative.sdgs.values_list("number", flat=True))
        elif name == "tags":
            data[name] = sorted(initiative.tags.values_list("name", flat=True))
        elif name == "social_links":
            data[name] = list(initiative.social_links or [])
        else:
            data[name] = getattr(initiative, name)
    return data


def version_token(
    initiative: Initiative, fields: Iterable[str] = EDITABLE_FIELDS, *, shown: dict | None = None
) -> str:
    """The token an edit form of `fields` carries (a hidden field). `shown`: the snapshot the
    form was filled from, so that token and form cannot differ."""
    fields = list(fields)
    values = shown if shown is not None else snapshot(initiative, fields)
    return concurrency.make_token(
        key=concurrency.record_key(initiative), values={f: values[f] for f in fields}
    )


def check_version(
    initiative: Initiative, expected_version: str | None, *, covering: Iterable[str]
) -> None:
    """ConflictError unless the entry's fields still equal those of `expected_version`.

    `initiative` must be locked by the caller (select_for_update); `covering`: the fields
    of the form being saved. None means the caller has no form (imports, scripts).
    """
    if expected_version is not None:
        concurrency.check(
            expected_version,
            obj=initiative,
            read=lambda fields: snapshot(initiative, fields),
            covering=covering,
        )
