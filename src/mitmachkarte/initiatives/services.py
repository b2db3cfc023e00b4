"""The one writer of initiatives: create, update fields, confirm, keep a slug.

Status changes are in `lifecycle.set_status`. No other app saves an Initiative: moderation,
stewardship, interop and the admin call these functions (tests/initiatives/test_one_writer.py
checks it). Each function is one transaction, locks the row and enforces the rules of
`validation`; `actor` and `reason` say who changed what and why (the history shows them).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.slugs import unique_slug
from mitmachkarte.core.text import search_variants
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import municipality_id_at
from mitmachkarte.taxonomy.selectors import synonym_names
from mitmachkarte.taxonomy.services import get_or_create_tags

from . import images, validation
from .models import Initiative, Status
from .signals import before_write, mark_changed
from .versions import EDITABLE_FIELDS

# Besides what an editor changes: the licence (proposals, imports) and the confirmation date
# an import brings along.
UPDATABLE_FIELDS = [*EDITABLE_FIELDS, "data_licence", "last_confirmed_at"]
_PLAIN = [f for f in UPDATABLE_FIELDS if f not in {"categories", "sdgs", "tags"}]


def locked(initiative: Initiative) -> Initiative:
    """The entry's row, locked until the end of the caller's transaction."""
    return Initiative.objects.select_for_update().get(pk=initiative.pk)


def save_entry(initiative: Initiative, *, actor=None, reason: str = "", **kwargs) -> None:
    """Save with who and why attached; version recorders (django-simple-history, registered
    by stewardship) read `_history_user` and `_change_reason` from the instance."""
    initiative._history_user = actor if getattr(actor, "is_authenticated", False) else None
    initiative._change_reason = (reason or "")[:100]
    try:
        initiative.save(**kwargs)
    finally:
        del initiative._history_user, initiative._change_reason


def record_version(*, initiative: Initiative, reason: str) -> None:
    """Save the entry unchanged, so that a version recorder notes its current state (entries
    loaded in bulk have none before their first change)."""
    save_entry(initiative, reason=reason, update_fields=["updated_at"])


def refresh_derived_fields(*, initiative: Initiative, relocate: bool = True) -> Initiative:
    """Recompute municipality (from the point) and the search text after any change."""
    with transaction.atomic():
        if relocate:
            initiative.municipality_id = municipality_id_at(
                initiative.latitude, initiative.longitude
            )
        muni_name = (
            Municipality.objects.filter(pk=initiative.municipality_id)
            .values_list("name", flat=True)
            .first()
            or ""
        )
        tags = dict(initiative.tags.values_list("pk", "name"))
        # Synonyms go into the search text too: a search for "Repaircafe" finds "Repair-Café".
        initiative.search_text = initiative.build_search_text(
            tag_names=[*tags.values(), *synonym_names(tags)],
            municipality_name=muni_name,
        )
        initiative.search_name = search_variants(initiative.name)
        rows = Initiative.objects.filter(pk=initiative.pk)
        moved = rows.exclude(municipality_id=initiative.municipality_id).exists()
        rows.update(
            municipality_id=initiative.municipality_id,
            search_text=initiative.search_text,
            search_name=initiative.search_name,
        )
        mark_changed(map_ids=[initiative.pk] if moved else [])
    return initiative


def move_tag(*, source_id: int, target_id: int, **_kwargs) -> list[int]:
    """Give every entry tagged `source_id` the tag `target_id` instead (taxonomy's merge_tags
    sends tags_merging before it deletes the source, which removes the old rows)."""
    through = Initiative.tags.through
    moved = list(through.objects.filter(tag_id=source_id).values_list("initiative_id", flat=True))
    already = set(
        through.objects.filter(tag_id=target_id, initiative_id__in=moved).values_list(
            "initiative_id", flat=True
        )
    )
    through.objects.bulk_create(
        [through(tag_id=target_id, initiative_id=pk) for pk in moved if pk not in already]
    )
    return moved


def refresh_tagged(*, initiative_ids) -> int:
    """Refresh the search texts of entries whose tags changed (merge, synonyms)."""
    count = 0
    initiative_ids = list(initiative_ids)
    with transaction.atomic():
        for initiative in Initiative.objects.filter(pk__in=initiative_ids):
            refresh_derived_fields(initiative=initiative, relocate=False)
            count += 1
        # The tag filter may resolve differently even without entries.
        mark_changed(map_ids=initiative_ids)
    return count


def create_initiative(
    *,
    name: str,
    short_description: str,
    latitude: float,
    longitude: float,
    categories: list[str],
    sdgs: list[int] = (),
    tags: list[str] = (),
    status: str = Status.DRAFT,
    actor=None,
    reason: str = "",
    seeding: bool = False,
    image=None,
    **fields,
) -> Initiative:
    """Create an initiative; its municipality is derived from the point.

    `status`: DRAFT or PENDING for entries still to be reviewed. Every publication and
    archiving is a decision and goes through `lifecycle.set_status`; only `seeding` (test
    and demo data) may create an entry published or archived, without a decision.
    `image`: an uploaded picture (see images.py); it needs `image_alt`.
    Raises ValidationError on invalid data; nothing is saved then.
    """
    if status in {Status.PUBLISHED, Status.ARCHIVED} and not seeding:
        raise ValueError("publish or archive through lifecycle.set_status, not at creation")
    validation.point(latitude, longitude)
    category_objs = validation.categories(categories)
    sdg_objs = validation.sdgs(sdgs)
    names = validation.tag_names(tags)
    errors = {
        **validation.text_errors(fields),
        **validation.image_text_errors(
            has_image=image is not None,
            alt=fields.get("image_alt", ""),
            credit=fields.get("image_credit", ""),
        ),
    }
    if errors:
        raise ValidationError(errors)
    found = images.renditions(image) if image is not None else None
    with transaction.atomic():
        initiative = Initiative(
            name=(name or "").strip(),
            short_description=(short_description or "").strip(),
            latitude=float(latitude),
            longitude=float(longitude),
            status=status,
            **{k: v.strip() if isinstance(v, str) else v for k, v in fields.items()},
        )
        if status == Status.PUBLISHED and initiative.published_at is None:
            initiative.published_at = initiative.created_at
        initiative.slug = unique_slug(
            initiative.name,
            taken=Initiative.objects,
            default="initiative",
            variants=[initiative.city],
        )
        if found is not None:
            initiative.image_small.name, initiative.image.name = images.store(
                found, slug=initiative.slug
            )
        initiative.full_clean(exclude=["categories", "sdgs", "tags"])
        save_entry(initiative, actor=actor, reason=reason)
        initiative.categories.set(category_objs)
        initiative.sdgs.set(sdg_objs)
        initiative.tags.set(get_or_create_tags(names=names))
        refresh_derived_fields(initiative=initiative)
    return initiative


def validate_changes(*, initiative: Initiative, changes: dict) -> dict:
    """Set the scalar `changes` on `initiative` (unsaved) and check everything.

    Returns the m2m values as objects (tags as names). Raises ValidationError; the database
    is untouched, so a copy of an entry checks a suggestion without writing it.
    """
    unknown = sorted(set(changes) - set(UPDATABLE_FIELDS))
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(unknown)}
        )
    errors = validation.text_errors(changes)
    if errors:
        raise ValidationError(errors)
    for field in _PLAIN:
        if field in changes:
            value = changes[field]
            setattr(initiative, field, value.strip() if isinstance(value, str) else value)
    validation.point(initiative.latitude, initiative.longitude)
    errors = validation.image_text_errors(
        has_image=bool(initiative.image),
        alt=initiative.image_alt,
        credit=initiative.image_credit,
    )
    if errors:
        raise ValidationError(errors)
    initiative.full_clean(exclude=["categories", "sdgs", "tags", "slug"])
    m2m = {}
    if "categories" in changes:
        m2m["categories"] = validation.categories(changes["categories"])
    if "sdgs" in changes:
        m2m["sdgs"] = validation.sdgs(changes["sdgs"])
    if "tags" in changes:
        m2m["tags"] = validation.tag_names(changes["tags"])
    return m2m


def update_initiative_fields(
    *, initiative: Initiative, changes: dict, actor=None, reason: str = ""
) -> Initiative:
    """Write `changes` ({field: value} in the format of versions.snapshot) as one version.

    The only place an entry's fields and topics are written. Permissions and the version
    check of a form are the caller's (it locks the row first when it checks a version).
    """
    with transaction.atomic():
        initiative = locked(initiative)
        if not changes:
            return initiative
        before_write.send(sender=Initiative, initiative=initiative, actor=actor, reason=reason)
        m2m = validate_changes(initiative=initiative, changes=changes)
        relocate = "latitude" in changes or "longitude" in changes
        # Without this every m2m set() would record a version of its own.
        initiative.skip_history_when_saving = True
        try:
            initiative.save()
            for field, values in m2m.items():
                if field == "tags":
                    values = get_or_create_tags(names=values)
                getattr(initiative, field).set(values)
            refresh_derived_fields(initiative=initiative, relocate=relocate)
        finally:
            del initiative.skip_history_when_saving
        save_entry(initiative, actor=actor, reason=reason)  # the one version, m2m included
    return initiative


def set_image(
    *, initiative: Initiative, upload, alt: str, credit: str = "", actor=None, reason: str = ""
) -> Initiative:
    """Give the entry a new picture (resized, without metadata) with its description and
    credit. Earlier files stay in storage: versions in the history still point to them."""
    alt, credit = (alt or "").strip(), (credit or "").strip()
    errors = validation.image_text_errors(has_image=True, alt=alt, credit=credit)
    if errors:
        raise ValidationError(errors)
    found = images.renditions(upload)  # the CPU work before the row lock
    with transaction.atomic():
        initiative = locked(initiative)
        before_write.send(sender=Initiative, initiative=initiative, actor=actor, reason=reason)
        initiative.image_small.name, initiative.image.name = images.store(
            found, slug=initiative.slug
        )
        initiative.image_alt, initiative.image_credit = alt, credit
        save_entry(initiative, actor=actor, reason=reason)
        mark_changed(map_ids=[])  # the picture is not on the map
    return initiative


def remove_image(*, initiative: Initiative, actor=None, reason: str = "") -> Initiative:
    """Take the picture off the entry (its files stay for the history)."""
    with transaction.atomic():
        initiative = locked(initiative)
        before_write.send(sender=Initiative, initiative=initiative, actor=actor, reason=reason)
        initiative.image.name = initiative.image_small.name = ""
        initiative.image_alt = initiative.image_credit = ""
        save_entry(initiative, actor=actor, reason=reason)
        mark_changed(map_ids=[])  # the picture is not on the map
    return initiative


def confirm_initiative(
    *, initiative: Initiative, actor=None, reason: str = "", at=None
) -> Initiative:
    """Mark a published entry as still correct (at `at`, default now)."""
    with transaction.atomic():
        initiative = locked(initiative)
        if initiative.status != Status.PUBLISHED:
            raise ValidationError(_("Only published entries can be confirmed."))
        before_write.send(sender=Initiative, initiative=initiative, actor=actor, reason=reason)
        initiative.last_confirmed_at = at or timezone.now()
        save_entry(
            initiative,
            actor=actor,
            reason=reason,
            update_fields=["last_confirmed_at", "updated_at"],
        )
    return initiative


def keep_slug(*, initiative: Initiative, slug: str) -> Initiative:
    """Give the entry `slug` if it is free (an import keeps the slug of its source, so that
    links keep working after a move); otherwise the entry keeps its own."""
    with transaction.atomic():
        initiative = locked(initiative)
        if slug and slug != initiative.slug and not Initiative.objects.filter(slug=slug).exists():
            initiative.slug = slug
            initiative.full_clean(exclude=["categories", "sdgs", "tags"])
            # The slug is no content: no version of its own.
            initiative.skip_history_when_saving = True
            try:
                initiative.save(update_fields=["slug", "updated_at"])
            finally:
                del initiative.skip_history_when_saving
    return initiative


def backdate_confirmations(*, dates: dict) -> int:
    """Demo data only: set `last_confirmed_at` of many entries ({pk: datetime}) in bulk,
    without versions (nobody confirmed anything)."""
    with transaction.atomic():
        for pk, when in dates.items():
            Initiative.objects.filter(pk=pk).update(last_confirmed_at=when)
        mark_changed(map_ids=[])  # the API shows may_be_outdated; the map does not
    return len(dates)


def choose_municipality(*, initiative: Initiative, municipality) -> Initiative:
    """Put the entry into `municipality` by hand (the admin, for a point on a border),
    instead of the one its point lies in."""
    with transaction.atomic():
        initiative = locked(initiative)
        initiative.municipality = municipality
        refresh_derived_fields(initiative=initiative, relocate=False)
    return initiative
