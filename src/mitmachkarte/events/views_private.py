"""Pages behind secret links: confirming and cancelling a registration (signed tokens from
the e-mails), and the organiser page (participants, CSV, messages) behind the event's
organiser link. Links are never acted on by GET, so mail scanners cannot confirm or cancel.
"""

from functools import wraps
from itertools import chain

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mitmachkarte.core import ratelimit
from mitmachkarte.core.csv_export import csv_download
from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.http import private

from . import organiser_links, registrations, selectors, tokens
from .forms import MessageForm, OrganiserLinkForm
from .models import RegistrationStatus
from .recurrence import local


def _token_problem(request, exc: tokens.TokenError):
    return render(request, "events/link_problem.html", {"expired": exc.expired}, status=400)


def _registration_action(request, token: str, *, purpose: str, action, template: str):
    try:
        registration = registrations.registration_for_token(token=token, purpose=purpose)
    except tokens.TokenError as exc:
        return _token_problem(request, exc)
    context = {
        "registration": registration,
        "occurrence": registration.occurrence,
        "event": registration.occurrence.event,
        "done": False,
    }
    if request.method == "POST":
        try:
            outcome = action(token=token)
        except tokens.TokenError as exc:
            return _token_problem(request, exc)
        except ValidationError as exc:
            context["error"] = " ".join(exc.messages)
            return render(request, template, context, status=409)
        context.update(registration=outcome.registration, position=outcome.position, done=True)
    return render(request, template, context)


@private
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    return _registration_action(
        request,
        token,
        purpose=tokens.CONFIRM,
        action=registrations.confirm,
        template="events/confirm.html",
    )


@private
@require_http_methods(["GET", "POST"])
def cancel(request, token: str):
    return _registration_action(
        request,
        token,
        purpose=tokens.CANCEL,
        action=registrations.cancel,
        template="events/cancel.html",
    )


class LinkExpired(Exception):
    def __init__(self, event):
        self.event = event


def message_form(request, event, upcoming) -> tuple[MessageForm, bool]:
    """The organiser's message to participants, shared by the members' and the link's page:
    the bound form and whether the message went out."""
    form = MessageForm(request.POST or None, dates=upcoming)
    if request.method != "POST" or not form.is_valid():
        return form, False
    try:
        count = registrations.message_participants(
            event=event,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            occurrence_id=form.cleaned_data["occurrence"],
            include_waiting_list=form.cleaned_data["include_waiting_list"],
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return form, False
    messages.success(request, _("Your message was sent to %(count)s people.") % {"count": count})
    return form, True


def _organiser_event(token: str):
    event = organiser_links.event_for(token)
    if event is None:
        raise Http404("unknown organiser link")
    if organiser_links.is_expired(event):
        raise LinkExpired(event)
    return event


def organiser_page(view):
    """An expired organiser link gets a 410 page that offers a new link."""

    @wraps(view)
    def wrapper(request, token: str):
        try:
            return view(request, token)
        except LinkExpired as exc:
            context = {"event": exc.event, "expired": True, "form": OrganiserLinkForm()}
            return render(request, "events/organiser_link.html", context, status=410)

    return wrapper


@private
@require_http_methods(["GET", "POST"])
@organiser_page
def organiser(request, token: str):
    event = _organiser_event(token)
    dates = list(
        selectors.with_seat_counts(event.occurrences.filter(is_cancelled=False)).order_by("start")
    )
    upcoming = [o for o in dates if o.end >= timezone.now()]
    form, sent = message_form(request, event, upcoming)
    if sent:
        return redirect("events:organiser", token=token)
    people = list(selectors.participants(event))
    return render(
        request,
        "events/organiser.html",
        {
            "event": event,
            "dates": dates,
            "participants": people,
            "form": form,
            "statuses": RegistrationStatus,
            "token": token,
            "valid_until": organiser_links.expires_at(event),
        },
        status=400 if form.errors else 200,
    )


def _local(value) -> str:
    return local(value).strftime("%Y-%m-%d %H:%M") if value else ""


@private
@require_GET
@organiser_page
def organiser_csv(request, token: str):
    return participants_csv(_organiser_event(token))


def participants_csv(event):
    """Participants as CSV (UTF-8 with BOM, semicolons: opens directly in German Excel)."""
    labels = dict(RegistrationStatus.choices)
    header = [
        _("Date"),
        _("Name"),
        _("E-mail"),
        _("Status"),
        _("Registered"),
        _("Confirmed"),
        _("Waiting list since"),
    ]
    rows = (
        [
            _local(registration.occurrence.start),
            registration.name,
            registration.email,
            labels[registration.status],
            _local(registration.created_at),
            _local(registration.confirmed_at),
            _local(registration.queued_at),
        ]
        for registration in selectors.participants(event)
    )
    return csv_download(chain([header], rows), filename=f"teilnehmende-{event.slug}.csv")


@require_http_methods(["GET", "POST"])
def organiser_link_request(request, slug: str):
    """ "Send me a new organiser link": mailed only to the event's organiser address. The
    answer is the same whether the address matched, so it reveals no address."""
    event = selectors.published_event(slug)
    if event is None or not event.organiser_email:
        raise Http404("event not found")
    form = OrganiserLinkForm(request.POST or None)
    context = {"event": event, "form": form, "sent": False}
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.check("organiser_link", request)
        except ratelimit.RateLimited as exc:
            return ratelimit.render_limited(
                request, "events/organiser_link.html", context, exc, form=form
            )
        email = form.cleaned_data["email"]
        if _organiser_may_get_mail(event, email):
            organiser_links.renew(event=event, notify=True)
        context.update(sent=True, form=OrganiserLinkForm())
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "events/organiser_link.html", context, status=status)


def _organiser_may_get_mail(event, email: str) -> bool:
    """Per event, only requests that would send count (a stranger cannot use them up); over
    the limit nothing is sent and the page looks the same."""
    if not organiser_links.matches(event, email):
        return False
    try:
        ratelimit.check("organiser_link", event=event.pk)
    except ratelimit.RateLimited:
        return False
    return True
