"""Writes for keeping entries true: edit, suggest, review, revert, claim, confirm, archive.

Keyword-only functions, one transaction each; they check the permission rules of
organisations.rules and raise ValidationError / PermissionDenied with clear messages.
Every published change becomes exactly one version in the history (django-simple-history),
attributed to the acting user and with a reason.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.geo import validate_lat_lon
from mitmachkarte.core.text_input import normalise_multiline
from mitmachkarte.core.tokens import digest_matches, email_digest
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.services import refresh_derived_fields
from mitmachkarte.initiatives.versions import (
    EDITABLE_FIELDS,
    SCALAR_FIELDS,
    check_version,
    snapshot,
)
from mitmachkarte.organisations import services as organisation_services
from mitmachkarte.organisations.models import Organisation, OrganisationType, Role
from mitmachkarte.organisations.rules import can_edit_initiative, can_publish_initiative
from mitmachkarte.taxonomy.models import SDG, Category
from mitmachkarte.taxonomy.services import get_or_create_tags

from . import mails, tokens
from .models import Claim, Suggestion, SuggestionStatus

# TextFields have no length in the database; these limits keep pages and mails sane.
TEXT_LIMITS = {"description": 10_000, "meeting_times": 2_000, "how_to_join": 2_000}
MAX_TAGS, MAX_SOCIAL_LINKS = 20, 10
REASON_MAX = 2_000
CONTACT_MESSAGE_MAX = 5_000


may_publish = can_publish_initiative  # editors of the entry and its moderators


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


# --- snapshots: one plain format for forms, suggestions and versions -----------------------
# (`snapshot` of the entry itself lives in initiatives.versions, with the version check.)


def record_snapshot(record) -> dict:
    """The same for a historical version (a HistoricalInitiative row)."""
    data = {f: getattr(record, f) for f in SCALAR_FIELDS}
    data["social_links"] = list(data["social_links"] or [])
    data["categories"] = sorted(
        Category.objects.filter(pk__in=record.categories.values("category_id")).values_list(
            "slug", flat=True
        )
    )
    data["sdgs"] = sorted(
        SDG.objects.filter(pk__in=record.sdgs.values("sdg_id")).values_list("number", flat=True)
    )
    data["tags"] = sorted(record.tags.values_list("tag__name", flat=True))
    return data


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


def _prepare(initiative: Initiative, changes: dict) -> dict:
    """Set the scalar changes on `initiative` (unsaved) and validate everything.

    Returns the m2m values as objects. Raises ValidationError; the database is untouched.
    """
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(unknown)}
        )
    errors: dict[str, list[str]] = {}
    for field, limit in TEXT_LIMITS.items():
        if len(str(changes.get(field) or "")) > limit:
            errors[field] = [_("At most %(limit)s characters.") % {"limit": limit}]
    links = changes.get("social_links")
    if links is not None and (not isinstance(links, list) or len(links) > MAX_SOCIAL_LINKS):
        errors["social_links"] = [_("At most %(n)s links.") % {"n": MAX_SOCIAL_LINKS}]
    if errors:
        raise ValidationError(errors)
    for field in SCALAR_FIELDS:
        if field in changes:
            value = changes[field]
            setattr(initiative, field, value.strip() if isinstance(value, str) else value)
    try:
        validate_lat_lon(float(initiative.latitude), float(initiative.longitude))
    except (TypeError, ValueError) as exc:
        raise ValidationError({"latitude": [str(exc)]}) from exc
    initiative.full_clean(exclude=["categories", "sdgs", "tags", "slug"])

    m2m = {}
    if "categories" in changes:
        slugs = list(changes["categories"] or [])
        objs = list(Category.objects.filter(slug__in=slugs))
        if not slugs:
            raise ValidationError({"categories": [_("Choose at least one category.")]})
        if len(objs) != len(set(slugs)):
            raise ValidationError({"categories": [_("Unknown category.")]})
        m2m["categories"] = objs
    if "sdgs" in changes:
        numbers = [int(n) for n in changes["sdgs"] or []]
        objs = list(SDG.objects.filter(number__in=numbers))
        if len(objs) != len(set(numbers)):
            raise ValidationError({"sdgs": [_("Unknown goal.")]})
        m2m["sdgs"] = objs
    if "tags" in changes:
        names = [n for n in changes["tags"] or [] if str(n).strip()]
        if len(names) > MAX_TAGS or any(len(str(n)) > 60 for n in names):
            raise ValidationError(
                {"tags": [_("At most %(n)s tags of up to 60 characters.") % {"n": MAX_TAGS}]}
            )
        m2m["tags"] = names
    return m2m


def _ensure_baseline(initiative: Initiative) -> None:
    """Entries made in bulk (demo, import) have no version yet: record the state first,
    so that the first change has something to compare with and to revert to."""
    if not initiative.history.exists():
        initiative._history_user = None
        initiative._change_reason = "Stand vor der ersten Änderung"
        initiative.save(update_fields=["updated_at"])
        del initiative._history_user, initiative._change_reason


def _locked(initiative: Initiative, expected_version: str | None, covering) -> Initiative:
    """The entry locked for writing, after the version check of the form being saved."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    check_version(initiative, expected_version, covering=covering)
    return initiative


def _write(*, initiative: Initiative, changes: dict, user, reason: str) -> Initiative:
    """Apply validated changes to the locked entry and record one version."""
    _ensure_baseline(initiative)
    m2m = _prepare(initiative, changes)
    relocate = "latitude" in changes or "longitude" in changes
    # Without this every m2m set() would record versions of its own.
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
    initiative._history_user = user
    initiative._change_reason = reason[:100]
    initiative.save()  # the one version, with fields and m2m as they are now
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
    initiative = _locked(initiative, expected_version, covering=changes)
    diff = changed_fields(initiative, changes)
    if not diff:
        return initiative
    return _write(initiative=initiative, changes=diff, user=user, reason=reason)


# --- suggestions -----------------------------------------------------------------------------


@transaction.atomic
def suggest_changes(
    *,
    initiative: Initiative,
    changes: dict,
    user,
    comment: str = "",
    expected_version: str | None = None,
) -> Suggestion:
    """Store changes by someone who may not publish them, for review by editors/moderators.

    A suggestion is made against the entry as it is now (the form's version, checked):
    the entry's history then shows what changed after it (see diff.changed_since).
    """
    if not _authenticated(user):
        raise PermissionDenied(_("Please log in to suggest changes."))
    if len(comment) > REASON_MAX:
        raise ValidationError(
            {"comment": [_("At most %(limit)s characters.") % {"limit": REASON_MAX}]}
        )
    initiative = _locked(initiative, expected_version, covering=changes)
    diff = changed_fields(initiative, changes)
    if not diff:
        raise ValidationError(_("You did not change anything."))
    _prepare(Initiative.objects.get(pk=initiative.pk), diff)  # a copy: nothing is saved
    _ensure_baseline(initiative)
    suggestion = Suggestion.objects.create(
        initiative=initiative, author=user, changes=diff, comment=comment.strip()
    )
    mails.send_suggestion_received(suggestion=suggestion)
    return suggestion


def _pending(suggestion: Suggestion, user) -> Suggestion:
    suggestion = (
        Suggestion.objects.select_for_update().select_related("initiative").get(pk=suggestion.pk)
    )
    if not may_publish(user, suggestion.initiative):
        raise PermissionDenied(
            _("Only the editors of this entry and its moderators may review suggestions.")
        )
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(_("This suggestion has already been decided."))
    return suggestion


@transaction.atomic
def accept_suggestion(
    *, suggestion: Suggestion, user, expected_version: str | None = None
) -> Suggestion:
    """Publish a suggestion. `expected_version`: the token of the suggested fields as the
    reviewer saw them (diff.review_version), so nobody accepts over a change not seen."""
    suggestion = _pending(suggestion, user)
    initiative = _locked(suggestion.initiative, expected_version, covering=suggestion.changes)
    _write(
        initiative=initiative,
        changes=suggestion.changes,
        user=user,
        reason=f"Vorschlag #{suggestion.pk} übernommen",
    )
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.decided_by, suggestion.decided_at = user, timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])
    return suggestion


@transaction.atomic
def reject_suggestion(*, suggestion: Suggestion, user, reason: str) -> Suggestion:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Please give a reason.")]})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": [_("At most %(limit)s characters.") % {"limit": REASON_MAX}]}
        )
    suggestion = _pending(suggestion, user)
    suggestion.status = SuggestionStatus.REJECTED
    suggestion.decided_by, suggestion.decided_at = user, timezone.now()
    suggestion.reason = reason
    suggestion.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    mails.send_suggestion_rejected(suggestion=suggestion)
    return suggestion


# --- history ---------------------------------------------------------------------------------


@transaction.atomic
def revert_initiative(
    *, initiative: Initiative, history_id: int, user, expected_version: str | None = None
) -> Initiative:
    """Bring the entry back to an earlier version; the revert is a new version.
    `expected_version`: the token of the history page (all editable fields)."""
    record = initiative.history.filter(history_id=history_id).first()
    if record is None:
        raise ValidationError(_("This version does not exist."))
    if not may_publish(user, initiative):
        raise PermissionDenied(
            _("Only the editors of this entry and its moderators may revert it.")
        )
    initiative = _locked(initiative, expected_version, covering=EDITABLE_FIELDS)
    diff = changed_fields(initiative, record_snapshot(record))
    if not diff:
        raise ValidationError(_("The entry already looks like this version."))
    when = timezone.localtime(record.history_date).strftime("%d.%m.%Y %H:%M")
    return _write(
        initiative=initiative,
        changes=diff,
        user=user,
        reason=f"Zurückgesetzt auf die Fassung vom {when}",
    )


# --- claims ----------------------------------------------------------------------------------


@transaction.atomic
def request_claim(*, initiative: Initiative, user) -> Claim:
    """Mail a link to the entry's contact e-mail; following it makes `user` its owner."""
    if not _authenticated(user):
        raise PermissionDenied(_("Please log in to claim an entry."))
    if initiative.status != Status.PUBLISHED:
        raise ValidationError(_("Only published entries can be claimed."))
    if not initiative.contact_email:
        raise ValidationError(_("This entry has no contact e-mail address to confirm with."))
    if can_edit_initiative(user, initiative):
        raise ValidationError(_("You already edit this entry."))
    claim = Claim.objects.create(initiative=initiative, user=user)
    token = tokens.make_token(
        purpose=tokens.CLAIM, c=claim.pk, u=user.pk, e=email_digest(initiative.contact_email)
    )
    mails.send_claim_link(claim=claim, token=token)
    return claim


@transaction.atomic
def claim_initiative(*, token: str, user) -> Organisation:
    """Follow a claim link: the user becomes owner of the entry's initiative organisation.

    Forged, expired or used links and links requested by another account change nothing.
    """
    if not _authenticated(user):
        raise PermissionDenied(_("Please log in with the account that requested the link."))
    try:
        data = tokens.read_token(token, purpose=tokens.CLAIM, keys=("c", "u", "e"))
    except tokens.TokenError as exc:
        if exc.expired:
            raise ValidationError(
                _("This link has expired. Please request a new one on the entry's page.")
            ) from exc
        raise ValidationError(
            _("This link is invalid. Please copy it completely from the e-mail.")
        ) from exc
    claim = (
        Claim.objects.select_for_update().select_related("initiative").filter(pk=data["c"]).first()
    )
    if claim is None or claim.user_id != data["u"]:
        raise ValidationError(_("This link is invalid. Please copy it completely from the e-mail."))
    if claim.user_id != user.pk:
        raise PermissionDenied(
            _("This link was requested by another account. Please log in with that account.")
        )
    if claim.used_at is not None:
        raise ValidationError(_("This link has already been used."))
    initiative = claim.initiative
    if not digest_matches(initiative.contact_email or "", str(data["e"])):
        raise ValidationError(
            _(
                "The contact e-mail of this entry has changed since the link "
                "was sent. Please request a new one."
            )
        )
    organisation = Organisation.objects.filter(initiative=initiative).first()
    if organisation is None:
        organisation = organisation_services.create_organisation(
            name=initiative.name[:160], type=OrganisationType.INITIATIVE, initiative=initiative
        )
    organisation_services.add_member(organisation=organisation, user=user, role=Role.OWNER)
    claim.used_at = timezone.now()
    claim.save(update_fields=["used_at"])
    return organisation


# --- freshness -------------------------------------------------------------------------------


def _locked_for_status_change(initiative: Initiative, user, via_link: bool) -> Initiative:
    if not via_link and not may_publish(user, initiative):
        raise PermissionDenied(_("Only the editors of this entry and its moderators may do this."))
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    _ensure_baseline(initiative)
    return initiative


@transaction.atomic
def confirm_initiative(*, initiative: Initiative, user=None, via_link: bool = False) -> Initiative:
    """Mark the entry as still correct. `via_link`: through a signed link of the reminder
    mail (the link is the permission; `user` may then be anonymous)."""
    initiative = _locked_for_status_change(initiative, user, via_link)
    if initiative.status != Status.PUBLISHED:
        raise ValidationError(_("Only published entries can be confirmed."))
    initiative.last_confirmed_at = timezone.now()
    initiative._history_user = user if _authenticated(user) else None
    initiative._change_reason = "Als aktuell bestätigt"
    initiative.save(update_fields=["last_confirmed_at", "updated_at"])
    return initiative


@transaction.atomic
def archive_initiative(*, initiative: Initiative, user=None, via_link: bool = False) -> Initiative:
    """Take the entry off the map (it stays in the database and its history)."""
    initiative = _locked_for_status_change(initiative, user, via_link)
    if initiative.status == Status.ARCHIVED:
        return initiative
    initiative.status = Status.ARCHIVED
    initiative._history_user = user if _authenticated(user) else None
    initiative._change_reason = "Archiviert"
    initiative.save(update_fields=["status", "updated_at"])
    return initiative


# --- contact relay and account ---------------------------------------------------------------


def relay_contact_message(
    *, initiative: Initiative, sender_name: str, sender_email: str, message: str
) -> None:
    """Forward a message to the entry's contact e-mail; replies go to the sender.

    The entry's address is never shown to the sender.
    """
    if initiative.status != Status.PUBLISHED or not initiative.contact_email:
        raise ValidationError(_("This entry cannot be contacted through the site."))
    errors = {}
    sender_name = " ".join((sender_name or "").split())
    if not sender_name or len(sender_name) > 120:
        errors["name"] = [_("Please give your name (at most 120 characters).")]
    try:
        validate_email(sender_email or "")
    except ValidationError:
        errors["email"] = [_("Please give a valid e-mail address for the answer.")]
    message = (message or "").strip()
    if not message or len(message) > CONTACT_MESSAGE_MAX:
        errors["message"] = [
            _("Please write a message of at most %(limit)s characters.")
            % {"limit": CONTACT_MESSAGE_MAX}
        ]
    if errors:
        raise ValidationError(errors)
    mails.send_contact_message(
        initiative=initiative,
        sender_name=sender_name,
        sender_email=sender_email.strip(),
        message=message,
    )


@transaction.atomic
def delete_account(*, user, password: str) -> None:
    """Delete the account after the password check. Entries and their history stay
    (history_user becomes NULL); memberships and claims go, suggestions lose the author."""
    if not _authenticated(user):
        raise PermissionDenied(_("Please log in."))
    if not user.has_usable_password() or not user.check_password(password or ""):
        raise ValidationError({"password": [_("The password is not correct.")]})
    user.delete()
