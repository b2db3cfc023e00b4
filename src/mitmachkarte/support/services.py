"""Writes of the support exchange. Keyword-only, one transaction each; they check who may
act (PermissionDenied) and what is valid (ValidationError) before anything is saved."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.concurrency import check_model
from mitmachkarte.core.geo import GeoInputError, validate_lat_lon
from mitmachkarte.core.text_input import one_line
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import municipality_id_at
from mitmachkarte.organisations.models import Organisation

from . import rules as permissions
from .models import Message, Need, NeedStatus, NeedType, Offer, OfferType, Thread

NEED_LIFETIME = relativedelta(months=3)
OFFER_FIELDS = {
    "description",
    "municipality",
    "address",
    "latitude",
    "longitude",
    "is_active",
    "notify_matches",
    "capacity",
    "step_free",
    "equipment",
    "cost",
    "availability",
    "booking_contact",
    "funder",
    "amount_min",
    "amount_max",
    "deadline",
    "eligibility",
    "link",
    "topic",
    "responsible_office",
    "steps",
    "documents",
    "typical_duration",
}
NEED_FIELDS = {
    "need_type",
    "title",
    "description",
    "schedule",
    "municipality",
    "latitude",
    "longitude",
}


def default_expiry(today: date | None = None) -> date:
    return (today or timezone.localdate()) + NEED_LIFETIME


def _clean_point(latitude, longitude) -> None:
    if latitude is None and longitude is None:
        return
    if latitude is None or longitude is None:
        raise ValidationError({"latitude": _("Give both latitude and longitude.")})
    try:
        validate_lat_lon(float(latitude), float(longitude))
    except (GeoInputError, TypeError, ValueError) as exc:
        raise ValidationError({"latitude": str(exc)}) from exc


def _enqueue_match_notices(need: Need) -> None:
    from .tasks import notify_matching_offers

    # After commit: a worker must find the need, and a rolled-back need notifies no one.
    transaction.on_commit(lambda: notify_matching_offers.enqueue(need.pk))


# --- needs -----------------------------------------------------------------------------------


@transaction.atomic
def create_need(
    *,
    organisation: Organisation,
    user,
    need_type: str,
    title: str,
    description: str,
    municipality: Municipality | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    schedule: str = "",
    expires_on: date | None = None,
) -> Need:
    """Post a need for an initiative organisation. Without a municipality it is derived
    from the location; one of both is required. Offer owners are told of it (task)."""
    if not permissions.can_post_need(user, organisation):
        raise PermissionDenied(_("Only members of an initiative may post its needs."))
    if need_type not in NeedType.values:
        raise ValidationError({"need_type": _("Unknown type of need.")})
    _clean_point(latitude, longitude)
    if municipality is None and latitude is not None:
        found = municipality_id_at(float(latitude), float(longitude))
        municipality = Municipality.objects.filter(pk=found).first() if found else None
    today = timezone.localdate()
    if expires_on is not None and expires_on < today:
        raise ValidationError({"expires_on": _("The expiry date must not be in the past.")})
    need = Need(
        organisation=organisation,
        created_by=user if user else None,
        need_type=need_type,
        title=one_line(title),
        description=(description or "").strip(),
        schedule=(schedule or "").strip(),
        municipality=municipality,
        latitude=latitude,
        longitude=longitude,
        expires_on=expires_on or default_expiry(today),
    )
    need.full_clean()
    need.save()
    _enqueue_match_notices(need)
    return need


@transaction.atomic
def update_need(*, need: Need, user, expected_version: str | None = None, **changes) -> Need:
    """Edit a need of one's own organisation. `expected_version`: the edit form's token;
    `changes` then holds every field of the form (core.concurrency)."""
    if not permissions.can_edit_need(user, need):
        raise PermissionDenied(_("You may only edit the needs of your own organisation."))
    unknown = set(changes) - NEED_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    need = Need.objects.select_for_update().get(pk=need.pk)
    check_model(need, expected_version, covering=changes)
    _clean_point(changes.get("latitude", need.latitude), changes.get("longitude", need.longitude))
    for field, value in changes.items():
        setattr(need, field, value)
    need.title = one_line(need.title)
    need.full_clean()
    need.save()
    return need


@transaction.atomic
def set_need_status(*, need: Need, user, status: str, expected_version: str | None = None) -> Need:
    """Change the status (open, in contact, solved, withdrawn) of a need of one's own.
    `expected_version`: the token of the status the page showed."""
    if not permissions.can_edit_need(user, need):
        raise PermissionDenied(_("You may only change the needs of your own organisation."))
    if status not in NeedStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    need = Need.objects.select_for_update().get(pk=need.pk)
    check_model(need, expected_version, covering=["status"])
    if need.status != status:
        need.status = status
        need.save(update_fields=["status", "updated_at"])
    return need


@transaction.atomic
def renew_need(*, need: Need, user, today: date | None = None) -> Need:
    """Keep a need listed for another three months from today (expired or not)."""
    if not permissions.can_edit_need(user, need):
        raise PermissionDenied(_("You may only renew the needs of your own organisation."))
    need = Need.objects.select_for_update().get(pk=need.pk)
    need.expires_on = max(need.expires_on, default_expiry(today))
    need.save(update_fields=["expires_on", "updated_at"])
    return need


# --- offers ----------------------------------------------------------------------------------


def _check_new_funding(offer: Offer) -> None:
    if offer.offer_type == OfferType.FUNDING and offer.deadline and offer.deadline_passed:
        raise ValidationError({"deadline": _("The application deadline is in the past.")})


@transaction.atomic
def create_offer(
    *, organisation: Organisation, user, offer_type: str, title: str, **fields
) -> Offer:
    """Post an offer (room, funding programme, permit guide, advice, other help)."""
    if not permissions.can_post_offer(user, organisation):
        raise PermissionDenied(_("You may only post offers for your own organisation."))
    if offer_type not in OfferType.values:
        raise ValidationError({"offer_type": _("Unknown type of offer.")})
    unknown = set(fields) - OFFER_FIELDS
    if unknown:
        raise ValueError(f"unknown offer fields: {sorted(unknown)}")
    _clean_point(fields.get("latitude"), fields.get("longitude"))
    offer = Offer(
        organisation=organisation,
        created_by=user if user else None,
        offer_type=offer_type,
        title=one_line(title),
        **fields,
    )
    if offer.municipality is None and organisation.municipality_id:
        offer.municipality = organisation.municipality
    _check_new_funding(offer)
    offer.full_clean()
    offer.save()
    return offer


@transaction.atomic
def update_offer(*, offer: Offer, user, expected_version: str | None = None, **changes) -> Offer:
    """Edit an offer of one's own organisation. An existing programme may keep a passed
    deadline (it then leaves the finder); a changed deadline must not be in the past.
    `expected_version`: the edit form's token, as in `update_need`."""
    if not permissions.can_edit_offer(user, offer):
        raise PermissionDenied(_("You may only edit the offers of your own organisation."))
    unknown = set(changes) - OFFER_FIELDS - {"title"}
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    check_model(offer, expected_version, covering=changes)
    _clean_point(changes.get("latitude", offer.latitude), changes.get("longitude", offer.longitude))
    old_deadline = offer.deadline
    for field, value in changes.items():
        setattr(offer, field, value)
    offer.title = one_line(offer.title)
    if offer.deadline != old_deadline:
        _check_new_funding(offer)
    offer.updated_at = timezone.now()
    offer.full_clean()
    offer.save()
    return offer


@transaction.atomic
def set_offer_notifications(*, offer: Offer, enabled: bool) -> Offer:
    """Opt in or out of match notices (called from a signed link: no user needed)."""
    Offer.objects.filter(pk=offer.pk).update(notify_matches=enabled)
    offer.notify_matches = enabled
    return offer


# --- get in touch ----------------------------------------------------------------------------


def _sender_organisation(user, need: Need, offer: Offer) -> Organisation:
    for organisation in (need.organisation, offer.organisation):
        if permissions.is_member(user, organisation):
            return organisation
    raise PermissionDenied(_("Only the organisations of the need and the offer may write here."))


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    if len(body) > 5000:
        raise ValidationError({"body": _("At most 5000 characters.")})
    return body


@transaction.atomic
def get_in_touch(*, need: Need, offer: Offer, user, body: str) -> Thread:
    """Open (or continue) the thread between a need and an offer with a first message.

    The other side gets it by e-mail without anyone's address; an open need goes
    "in contact"."""
    need = Need.objects.select_for_update().get(pk=need.pk)
    sender = _sender_organisation(user, need, offer)
    body = _clean_body(body)
    if not need.is_active:
        raise ValidationError(_("This need is no longer open."))
    if not offer.is_active:
        raise ValidationError(_("This offer is no longer available."))
    thread, _created = Thread.objects.get_or_create(
        need=need, offer=offer, defaults={"started_by": sender}
    )
    message = Message.objects.create(
        thread=thread, sender=user, sender_organisation=sender, body=body
    )
    if need.status == NeedStatus.OPEN:
        need.status = NeedStatus.IN_CONTACT
        need.save(update_fields=["status", "updated_at"])
    _enqueue_relay(message)
    return thread


@transaction.atomic
def post_message(*, thread: Thread, user, body: str) -> Message:
    sender = _sender_organisation(user, thread.need, thread.offer)
    message = Message.objects.create(
        thread=thread, sender=user, sender_organisation=sender, body=_clean_body(body)
    )
    _enqueue_relay(message)
    return message


def _enqueue_relay(message: Message) -> None:
    from .tasks import relay_message

    transaction.on_commit(lambda: relay_message.enqueue(message.pk))
