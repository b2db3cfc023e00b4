"""Event pages: list, month calendar, iCal, detail with registration, campaign page.

The pages of registration links and of organisers are in views_private.py.
"""

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitmachkarte.core import ratelimit
from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.params import parse_id, parse_leniently, value_or_default
from mitmachkarte.municipalities.forms import municipality_input
from mitmachkarte.taxonomy.selectors import categories

from . import ical, registrations, selectors, services
from .filters import EventFilter, FilterError, parse_event_filter
from .forms import RegistrationForm, SubmissionForm
from .models import Campaign, EventType
from .recurrence import EVENT_TZ

PAGE_SIZE = 20
FILTER_KEYS = {
    "start_min": "start_min",
    "start_max": "start_max",
    "types": "type",
    "municipality": "municipality",
    "online": "online",
    "categories": "category",
    "bbox": "bbox",
    "campaign": "campaign",
}
FEED_MAX_AGE = 15 * 60


def filter_from_request(request, *, ignore=()) -> tuple[EventFilter, list[FilterError]]:
    """Parse the query string; a bad parameter is dropped and reported, never a 500."""
    raw = {
        key: (
            request.GET.getlist(param) if key in ("types", "categories") else request.GET.get(param)
        )
        for key, param in FILTER_KEYS.items()
    }
    for key in ignore:
        raw.pop(key, None)
    return parse_leniently(parse_event_filter, raw, FILTER_KEYS)


def _filter_context(request, flt: EventFilter, errors) -> dict:
    query = request.GET.copy()
    for key in ("page", "month"):
        query.pop(key, None)
    encoded = query.urlencode()
    feed_path = reverse("events:feed") + (f"?{encoded}" if encoded else "")
    return {
        "filter": flt,
        "errors": errors,
        "types": EventType.choices,
        "categories": categories(),
        "selected_types": set(flt.types),
        "selected_categories": set(flt.categories),
        "municipality_input": municipality_input(
            "municipality",
            flt.municipality or request.GET.get("municipality", ""),
            id="event-municipality",
        ),
        "query": encoded,
        "feed_url": request.build_absolute_uri(feed_path),
        "webcal_url": "webcal://" + request.build_absolute_uri(feed_path).split("://", 1)[1],
        "start_min_value": request.GET.get("start_min", "")[:10],
        "start_max_value": request.GET.get("start_max", "")[:10],
    }


@require_GET
def event_list(request):
    flt, errors = filter_from_request(request)
    qs = selectors.with_listing_data(selectors.filter_occurrences(flt))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "events/list.html", {"page": page, **_filter_context(request, flt, errors)}
    )


def _month(value: str | None) -> tuple[int, int] | None:
    today = timezone.localdate()
    if not value:
        return today.year, today.month
    try:
        parsed = datetime.strptime(value.strip()[:7], "%Y-%m")
    except ValueError:
        return None
    return (parsed.year, parsed.month) if 1970 <= parsed.year <= 2200 else None


@require_GET
def event_calendar(request):
    flt, errors = filter_from_request(request, ignore=("start_min", "start_max"))
    month = _month(request.GET.get("month"))
    if month is None:
        raise Http404("month must be YYYY-MM")
    year, number = month
    first = date(year, number, 1)
    previous = date(year - 1, 12, 1) if number == 1 else date(year, number - 1, 1)
    following = date(year + 1, 1, 1) if number == 12 else date(year, number + 1, 1)
    return render(
        request,
        "events/calendar.html",
        {
            "weeks": selectors.month_weeks(flt, year=year, month=number),
            "first": first,
            "previous": previous.strftime("%Y-%m"),
            "next": following.strftime("%Y-%m"),
            "today": timezone.localdate(),
            **_filter_context(request, flt, errors),
        },
    )


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_GET
def feed(request):
    """A subscribable calendar with the filters of the list; bad filters get a 400."""
    raw = {
        key: (
            request.GET.getlist(param) if key in ("types", "categories") else request.GET.get(param)
        )
        for key, param in FILTER_KEYS.items()
    }
    try:
        flt = parse_event_filter(**raw)
    except FilterError as exc:
        return HttpResponse(
            f"{exc.param}: {exc.message}\n", status=400, content_type="text/plain; charset=utf-8"
        )
    events = selectors.feed_events(flt)
    name = f"{settings.SITE_NAME}: " + str(_("Events"))
    return _ics_response(
        ical.calendar(events, base_url=_base_url(request), name=name), "veranstaltungen.ics"
    )


@require_GET
def event_ics(request, slug: str):
    event = selectors.published_event(slug)
    if event is None:
        raise Http404("event not found")
    occurrence = None
    termin = value_or_default(parse_id, "termin", request.GET.get("termin"))  # bad: the series
    if termin is not None:  # one date of a recurring event
        occurrence = event.occurrences.filter(pk=termin).first()
        if occurrence is None:
            raise Http404("date not found")
    body = ical.calendar(
        [event], base_url=_base_url(request), name=event.title, occurrence=occurrence
    )
    return _ics_response(body, f"{event.slug}.ics")


def _json_ld(event, url: str, dates, cancelled) -> dict:
    modes = {
        "in_person": "OfflineEventAttendanceMode",
        "online": "OnlineEventAttendanceMode",
        "hybrid": "MixedEventAttendanceMode",
    }
    # Search engines show a cancelled event as such, and its first cancelled date.
    first = dates[0] if dates else (cancelled[0] if cancelled else None)
    status = "EventScheduled" if dates or not cancelled else "EventCancelled"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": (first.start if first else event.start).astimezone(EVENT_TZ).isoformat(),
        "endDate": (first.end if first else event.end).astimezone(EVENT_TZ).isoformat(),
        "eventAttendanceMode": f"https://schema.org/{modes[event.format]}",
        "eventStatus": f"https://schema.org/{status}",
        "organizer": {"@type": "Organization", "name": event.organiser_name},
    }
    locations = []
    if event.is_in_person:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.street,
                    "postalCode": event.postcode,
                    "addressLocality": event.city,
                    "addressCountry": "DE",
                },
            }
        )
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.public_online_url or url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    return data


def _detail(request, event, *, form=None, status=200):
    dates = selectors.upcoming_dates(event)
    capacity = event.capacity
    for occurrence in dates:
        occurrence.seats_left = (
            None if capacity is None else max(0, capacity - occurrence.confirmed_count)
        )
    open_dates = [o for o in dates if timezone.now() < o.start]
    deadline_passed = bool(
        event.registration_deadline and timezone.now() > event.registration_deadline
    )
    if form is None and event.registration_enabled and open_dates and not deadline_passed:
        initial = {"occurrence": request.GET.get("termin")}
        form = RegistrationForm(dates=open_dates, initial=initial)
    url = request.build_absolute_uri(event.get_absolute_url())
    cancelled = selectors.cancelled_upcoming_dates(event)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "dates": dates,
            "cancelled_dates": cancelled,
            "form": form,
            "deadline_passed": deadline_passed,
            "absolute_url": url,
            "json_ld": _json_ld(event, url, dates, cancelled),
        },
        status=status,
    )


@require_GET
def event_detail(request, slug: str):
    event = selectors.published_event(slug)
    if event is None:
        raise Http404("event not found")
    return _detail(request, event)


@require_POST
def register(request, slug: str):
    event = selectors.published_event(slug)
    if event is None:
        raise Http404("event not found")
    dates = [o for o in selectors.upcoming_dates(event, limit=500) if timezone.now() < o.start]
    form = RegistrationForm(request.POST, dates=dates)
    if form.is_valid():
        occurrence = next(o for o in dates if o.pk == form.cleaned_data["occurrence"])
        try:
            ratelimit.check(
                "register", request, email=form.cleaned_data["email"], date=occurrence.pk
            )
        except ratelimit.RateLimited as exc:
            form.add_error(None, exc.message)
            return ratelimit.mark_limited(_detail(request, event, form=form), exc)
        try:
            registrations.register(
                occurrence=occurrence,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=request.LANGUAGE_CODE,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            # The same answer for new and known addresses: nobody learns who registered.
            return render(
                request,
                "events/registration_sent.html",
                {"event": event, "occurrence": occurrence, "email": form.cleaned_data["email"]},
            )
    return _detail(request, event, form=form, status=400)


@require_http_methods(["GET", "POST"])
def campaign_page(request, slug: str):
    campaign = get_object_or_404(Campaign, slug=slug)
    form = SubmissionForm(request.POST or None) if campaign.submissions_open else None
    limited = None
    if request.method == "POST" and form is not None and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "homepage"}
        data["categories"] = [c.slug for c in data.pop("categories")]
        try:
            ratelimit.check(
                "campaign", request, email=data["organiser_email"], campaign=campaign.pk
            )
            event = services.submit_campaign_action(campaign=campaign, **data)
        except ratelimit.RateLimited as exc:
            form.add_error(None, exc.message)
            limited = exc
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return render(
                request, "events/submission_sent.html", {"campaign": campaign, "event": event}
            )
    # The whole campaign, also once it is over.
    flt = EventFilter(
        campaign=campaign,
        start_min=datetime.combine(campaign.starts_on, datetime.min.time(), tzinfo=EVENT_TZ),
    )
    occurrences = selectors.with_listing_data(selectors.filter_occurrences(flt))
    geojson_query = f"campaign={campaign.slug}&start_min={campaign.starts_on.isoformat()}"
    response = render(
        request,
        "events/campaign.html",
        {
            "campaign": campaign,
            "summary": selectors.campaign_summary(campaign),
            "occurrences": occurrences,
            "form": form,
            "geojson_url": reverse("api:events_geojson") + "?" + geojson_query,
        },
        status=400 if form is not None and form.errors else 200,
    )
    return ratelimit.mark_limited(response, limited) if limited else response
