"""Organisers work in the site: create, edit, copy, cancel and delete events of their
organisation; the organiser page for members (participants, CSV, messages, waiting list,
cancelling a date); moderators decide on campaign actions. Thin: rules in rules.py, writes
in services.py and organising.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.http import private
from mitmachkarte.core.permissions import permission_required, require_perm
from mitmachkarte.organisations.models import Organisation, OrganisationType
from mitmachkarte.organisations.rules import is_network_team

from . import (
    organising,
    recurrence_builder,
    registrations,
    selectors,
    services,
    venues,
    views_private,
)
from .forms_manage import EventForm, initial_from
from .models import Event, EventStatus, Occurrence, RegistrationStatus


def _organisations(user, *, keep=None):
    """The organisations one may organise for (the network team: all), plus `keep` (the
    event's own, so an edit by a co-organiser keeps it)."""
    if is_network_team(user):
        return Organisation.objects.order_by("name")
    mine = Organisation.objects.filter(memberships__user=user).values("pk")
    return Organisation.objects.filter(Q(pk__in=mine) | Q(pk=keep)).order_by("name")


def _point(fields: dict) -> dict:
    return venues.point_for(
        format=fields["format"],
        street=fields["street"],
        postcode=fields["postcode"],
        city=fields["city"],
    )


def _status_for(fields: dict) -> str:
    """An initiative's campaign action waits for a moderator; everything else is published."""
    if fields.get("campaign") and fields["organisation"].type == OrganisationType.INITIATIVE:
        return EventStatus.PENDING
    return EventStatus.PUBLISHED


def _form_page(request, form, *, event=None, copy_of=None, status=200):
    return render(
        request,
        "events/event_form.html",
        {"form": form, "event": event, "copy_of": copy_of},
        status=status,
    )


@private
@permission_required("events.create_event")
@require_http_methods(["GET", "POST"])
def create(request):
    organisations = _organisations(request.user)
    copy_of = None
    initial = {"organisation": organisations.first(), "waiting_list": True}
    if "kopie" in request.GET:
        copy_of = get_object_or_404(Event, slug=request.GET["kopie"])
        require_perm(request.user, "events.manage_event", copy_of)
        initial = initial_from(copy_of) | {"title": _("%(title)s (copy)") % {"title": copy_of}}
    form = EventForm(request.POST or None, initial=initial, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        fields |= _point(fields)
        try:
            event = services.create_event(status=_status_for(fields), **fields)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if event.status == EventStatus.PENDING:
                messages.success(request, _("Saved. A moderator reviews the action."))
            else:
                messages.success(request, _("The event is published."))
            return redirect("events:manage", slug=event.slug)
    return _form_page(request, form, copy_of=copy_of, status=400 if form.errors else 200)


def _managed(request, slug: str) -> Event:
    event = get_object_or_404(Event, slug=slug)
    require_perm(request.user, "events.manage_event", event)
    return event


@private
@permission_required("events.create_event")
@require_http_methods(["GET", "POST"])
def edit(request, slug: str):
    event = _managed(request, slug)
    organisations = _organisations(request.user, keep=event.organisation_id)
    form = EventForm(request.POST or None, initial=initial_from(event), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        fields |= _point(fields)
        try:
            services.update_event(event=event, **fields)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("events:manage", slug=event.slug)
    return _form_page(request, form, event=event, status=400 if form.errors else 200)


@private
@permission_required("events.create_event")
@require_http_methods(["GET", "POST"])
def manage(request, slug: str):
    """The organiser page for the organisation's members."""
    event = _managed(request, slug)
    dates = list(selectors.with_seat_counts(event.occurrences.all()).order_by("start"))
    upcoming = [o for o in dates if o.end >= timezone.now() and not o.is_cancelled]
    form, sent = views_private.message_form(request, event, upcoming)
    if sent:
        return redirect("events:manage", slug=slug)
    return render(
        request,
        "events/manage.html",
        {
            "event": event,
            "dates": dates,
            "upcoming": upcoming,
            "participants": list(selectors.participants(event)),
            "form": form,
            "statuses": RegistrationStatus,
            "rule_text": recurrence_builder.describe(event.recurrence, event.start),
        },
        status=400 if form.errors else 200,
    )


def _act(request, slug: str, run, done: str):
    event = _managed(request, slug)
    try:
        result = run(event)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("events:manage", slug=slug)
    messages.success(request, done % {"n": result or 0, "title": event.title})
    return redirect("events:manage", slug=slug) if event.pk else redirect("dashboard:home")


@private
@permission_required("events.create_event")
@require_GET
def participants_csv(request, slug: str):
    return views_private.participants_csv(_managed(request, slug))


@private
@permission_required("events.create_event")
@require_POST
def cancel_date(request, slug: str, occurrence_id: int):
    def run(event):
        occurrence = get_object_or_404(Occurrence, pk=occurrence_id, event=event)
        return organising.cancel_date(occurrence=occurrence, by=request.user)

    return _act(request, slug, run, _("The date is cancelled; %(n)s people were told."))


@private
@permission_required("events.create_event")
@require_POST
def cancel_event(request, slug: str):
    def run(event):
        return organising.cancel_event(event=event, by=request.user)

    return _act(request, slug, run, _("All upcoming dates are cancelled; %(n)s people were told."))


@private
@permission_required("events.create_event")
@require_POST
def move_up(request, slug: str):
    def run(event):
        return registrations.fill_from_waiting_list(event=event)

    return _act(request, slug, run, _("%(n)s people moved up from the waiting list."))


@private
@permission_required("events.create_event")
@require_POST
def delete(request, slug: str):
    event = _managed(request, slug)
    try:
        organising.delete_event(event=event, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("events:manage", slug=slug)
    messages.success(request, _("“%(title)s” is deleted.") % {"title": event.title})
    return redirect("dashboard:home")


@permission_required("moderation.open_queue")
@require_POST
def decide(request, slug: str):
    """Approve or reject a campaign action from the moderation queue."""
    event = get_object_or_404(Event, slug=slug, status=EventStatus.PENDING, campaign__isnull=False)
    require_perm(request.user, "events.moderate_event", event)
    if request.POST.get("action") == "approve":
        services.publish_event(event=event)
        messages.success(request, _("“%(title)s” is published.") % {"title": event.title})
    elif request.POST.get("action") == "reject":
        services.reject_event(event=event)
        messages.success(request, _("“%(title)s” was rejected.") % {"title": event.title})
    else:
        messages.error(request, _("Choose approve or reject."))
    return redirect(reverse("moderation:queue") + "#events-heading")
