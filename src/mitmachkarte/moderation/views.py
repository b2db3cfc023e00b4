"""Pages: propose an entry, revise it, report a problem, the moderation queue, tags."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitmachkarte.core import concurrency, conflict_notice, ratelimit
from mitmachkarte.core.concurrency import ConflictError
from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.geocoding import at_postcode_centre, geocode
from mitmachkarte.core.params import parse_float, parse_id, value_or_default
from mitmachkarte.core.permissions import permission_required
from mitmachkarte.core.ratelimit import client_ip
from mitmachkarte.events import selectors as event_selectors
from mitmachkarte.initiatives.duplicates import find_duplicates
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.versions import snapshot, version_token
from mitmachkarte.organisations.rules import is_network_team
from mitmachkarte.taxonomy.models import TagSynonym
from mitmachkarte.taxonomy.selectors import tags_with_usage

from . import selectors, services, tokens
from .forms import GEOCODED, MergeTagsForm, ProposalForm, ReportForm, ReviseForm, SynonymForm
from .models import ProblemReport


def _locate(form) -> bool:
    """Fill missing coordinates from the address (no-JS path); False with a form error."""
    data = form.cleaned_data
    if data.get("latitude") is not None:
        return True
    found = geocode(
        street=data.get("street", ""), postcode=data.get("postcode", ""), city=data.get("city", "")
    )
    if found is None:
        form.add_error(
            "postcode",
            _(
                "We could not find this address. Please check the "
                "postcode or pick the location on the map."
            ),
        )
        return False
    data["latitude"], data["longitude"] = found.latitude, found.longitude
    data["location_source"] = GEOCODED
    form.data = form.data.copy()  # show the found point when the form comes back
    form.data["latitude"], form.data["longitude"] = found.latitude, found.longitude
    form.data["location_source"] = GEOCODED
    return True


def _picker_context() -> dict:
    return {"germany": services.GERMANY}


@require_http_methods(["GET", "POST"])
def propose(request):
    form, duplicates = ProposalForm(), []
    if request.method == "POST":
        form = ProposalForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                ratelimit.check("propose", request, email=form.cleaned_data["proposer_email"])
            except ratelimit.RateLimited as exc:
                context = {"form": form, **_picker_context()}
                return ratelimit.render_limited(
                    request, "moderation/propose.html", context, exc, form=form
                )
        if form.is_valid() and _locate(form):
            kwargs = form.service_kwargs()
            data = form.cleaned_data
            try:
                services.propose_initiative(
                    proposer_name=data["proposer_name"],
                    proposer_email=data["proposer_email"],
                    not_a_duplicate=data["not_a_duplicate"],
                    geocoded=form.geocoded,
                    ip=client_ip(request),
                    **kwargs,
                )
            except services.LikelyDuplicates as exc:
                duplicates = exc.duplicates
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("moderation:proposed")
    return render(
        request,
        "moderation/propose.html",
        {
            "form": form,
            "duplicates": duplicates,
            "confirm_step": bool(duplicates),
            **_picker_context(),
        },
    )


def proposed(request):
    return render(request, "moderation/thanks.html", {"revised": False})


@require_POST
def duplicates(request):
    """htmx: likely duplicates for what is typed so far (an empty answer when too little).

    Anyone may ask, so only public facts are compared (name, place, website): a match by
    contact e-mail would tell a guesser whose private address it is (see find_duplicates).
    The typed address only counts towards the look-up limit.
    """
    contact_email = (request.POST.get("contact_email") or "")[:254].replace("\x00", "")
    try:
        ratelimit.check("lookup", request, email=contact_email)
    except ratelimit.RateLimited as exc:
        response = render(request, "moderation/_duplicates.html", {"duplicates": []})
        return ratelimit.mark_limited(response, exc)
    found = []
    lat = value_or_default(
        parse_float, "latitude", request.POST.get("latitude"), min_value=-90, max_value=90
    )
    lon = value_or_default(
        parse_float, "longitude", request.POST.get("longitude"), min_value=-180, max_value=180
    )
    name = (request.POST.get("name") or "")[:160].replace("\x00", "")
    postcode = (request.POST.get("postcode") or "")[:10].replace("\x00", "")
    if name.strip() and lat is not None and lon is not None:
        found = find_duplicates(
            name=name,
            latitude=lat,
            longitude=lon,
            postcode=postcode,
            geocoded=request.POST.get("location_source") == GEOCODED
            or at_postcode_centre(postcode, lat, lon),
            website=(request.POST.get("website") or "")[:200].replace("\x00", ""),
            exclude_id=value_or_default(parse_id, "exclude", request.POST.get("exclude")),
        )
    return render(request, "moderation/_duplicates.html", {"duplicates": found})


@require_GET
def geocode_address(request):
    """JSON for the "find address" button: the point of an address, or a 4xx with a message."""
    try:
        ratelimit.check("lookup", request)
    except ratelimit.RateLimited as exc:
        return ratelimit.mark_limited(JsonResponse({"detail": exc.message}), exc)
    parts = {
        key: (request.GET.get(key) or "").replace("\x00", "").strip()[:160]
        for key in ("street", "postcode", "city")
    }
    if not (parts["postcode"] or parts["city"]):
        return JsonResponse({"detail": _("Enter at least a postcode or a city.")}, status=400)
    found = geocode(**parts)
    if found is None:
        return JsonResponse(
            {"detail": _("Address not found. Please pick the location on the map.")}, status=404
        )
    return JsonResponse(
        {
            "latitude": found.latitude,
            "longitude": found.longitude,
            "precision": found.precision,
            "label": found.label,
        }
    )


def _token_problem(request, exc: tokens.TokenError):
    return render(
        request,
        "moderation/link_problem.html",
        {"expired": exc.expired},
        status=410 if exc.expired else 400,
    )


@require_http_methods(["GET", "POST"])
def revise(request, token: str):
    try:
        proposal = services.proposal_for_token(token)
    except tokens.TokenError as exc:
        return _token_problem(request, exc)
    initiative = proposal.initiative
    decision = initiative.decisions.filter(action="request_changes").first()
    conflict, status = None, 200
    if request.method == "POST":
        form = ReviseForm(request.POST)
        if form.is_valid() and _locate(form):
            try:
                services.resubmit_proposal(
                    token=token,
                    expected_version=form.cleaned_data["version"],
                    **form.service_kwargs(),
                )
            except tokens.TokenError as exc:
                return _token_problem(request, exc)
            except ConflictError as exc:
                merged, both = concurrency.merge(exc, form.values())
                form = ReviseForm(initial={**ReviseForm.initial_from(merged), "version": exc.token})
                # The proposer has no account: the moderators' names are not shown.
                conflict = conflict_notice.notice(
                    exc, labels=concurrency.form_labels(form), both=both, show_who=False
                )
                status = 409
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return render(request, "moderation/thanks.html", {"revised": True})
    else:
        shown = snapshot(initiative, services.REVISE_FIELDS)
        form = ReviseForm(
            initial={
                **ReviseForm.initial_from(shown),
                "version": version_token(initiative, services.REVISE_FIELDS, shown=shown),
            }
        )
    return render(
        request,
        "moderation/revise.html",
        {
            "form": form,
            "initiative": initiative,
            "decision": decision,
            "exclude_id": initiative.pk,
            "conflict": conflict,
            **_picker_context(),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def report(request, slug: str):
    initiative = get_object_or_404(Initiative, slug=slug, status=Status.PUBLISHED)
    form = ReportForm()
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                ratelimit.check(
                    "report", request, email=data["reporter_email"], entry=initiative.pk
                )
            except ratelimit.RateLimited as exc:
                context = {"form": form, "initiative": initiative}
                return ratelimit.render_limited(
                    request, "moderation/report.html", context, exc, form=form
                )
            try:
                services.report_problem(
                    initiative=initiative,
                    kind=data["kind"],
                    message=data["message"],
                    reporter_email=data["reporter_email"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Thank you. The moderation will look into it."))
                return redirect(initiative.get_absolute_url())
    return render(request, "moderation/report.html", {"form": form, "initiative": initiative})


# --- moderators --------------------------------------------------------------------------


@permission_required("moderation.open_queue")
@require_GET
def queue(request):
    return render(
        request,
        "moderation/queue.html",
        {
            "items": selectors.pending_queue(request.user),
            "reports": selectors.open_reports(request.user),
            "waiting": selectors.awaiting_revision(request.user),
            "recent": selectors.recent_decisions(request.user),
            "network_team": is_network_team(request.user),
            "pending_events": event_selectors.pending_actions(request.user),
        },
    )


DECISIONS = {
    "approve": lambda i, u, text: services.approve(initiative=i, moderator=u, note=text),
    "reject": lambda i, u, text: services.reject(initiative=i, moderator=u, reason=text),
    "changes": lambda i, u, text: services.request_changes(initiative=i, moderator=u, reason=text),
}
DONE = {
    "approve": _("“%(name)s” is published."),
    "reject": _("“%(name)s” was rejected."),
    "changes": _("The proposer of “%(name)s” was asked for changes."),
}


def _act(request, run, done_message: str, name: str):
    try:
        run()
    except ValidationError as exc:  # a PermissionDenied becomes the 403 page (core.errors)
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done_message % {"name": name})
    return redirect(reverse("moderation:queue"))


@login_required
@require_POST
def decide(request, pk: int):
    initiative = get_object_or_404(Initiative, pk=pk)
    action = request.POST.get("action", "")
    if action not in DECISIONS:
        messages.error(request, _("Unknown action."))
        return redirect("moderation:queue")
    text = request.POST.get("reason", "")
    return _act(
        request,
        lambda: DECISIONS[action](initiative, request.user, text),
        str(DONE[action]),
        initiative.name,
    )


@login_required
@require_POST
def decide_report(request, pk: int):
    problem = get_object_or_404(ProblemReport.objects.select_related("initiative"), pk=pk)
    action, note = request.POST.get("action", ""), request.POST.get("note", "")
    if action == "resolve":
        run = partial(services.resolve_report, report=problem, moderator=request.user, note=note)
        done = _("The report about “%(name)s” is resolved.")
    elif action == "archive":
        run = partial(services.archive_reported, report=problem, moderator=request.user, note=note)
        done = _("“%(name)s” is archived and no longer on the map.")
    else:
        messages.error(request, _("Unknown action."))
        return redirect("moderation:queue")
    return _act(request, run, done, problem.initiative.name)


@permission_required("moderation.curate_tags")
@require_http_methods(["GET", "POST"])
def tags(request):
    merge_form, synonym_form = MergeTagsForm(prefix="merge"), SynonymForm(prefix="synonym")
    if request.method == "POST":
        op = request.POST.get("op")
        try:
            if op == "merge":
                merge_form = MergeTagsForm(request.POST, prefix="merge")
                if merge_form.is_valid():
                    data = merge_form.cleaned_data
                    services.merge_tags(
                        source=data["source"], target=data["target"], moderator=request.user
                    )
                    messages.success(
                        request,
                        _("“%(a)s” was merged into “%(b)s”.")
                        % {"a": data["source"].name, "b": data["target"].name},
                    )
                    return redirect("moderation:tags")
            elif op == "synonym":
                synonym_form = SynonymForm(request.POST, prefix="synonym")
                if synonym_form.is_valid():
                    data = synonym_form.cleaned_data
                    services.add_tag_synonym(
                        tag=data["tag"], name=data["name"], moderator=request.user
                    )
                    messages.success(request, _("Synonym saved."))
                    return redirect("moderation:tags")
            elif op == "remove_synonym":
                synonym_id = value_or_default(parse_id, "synonym", request.POST.get("synonym"))
                synonym = get_object_or_404(TagSynonym, pk=synonym_id or 0)
                services.remove_tag_synonym(synonym=synonym, moderator=request.user)
                messages.success(request, _("Synonym removed."))
                return redirect("moderation:tags")
            else:
                messages.error(request, _("Unknown action."))
        except ValidationError as exc:
            add_service_errors(merge_form if op == "merge" else synonym_form, exc)
    return render(
        request,
        "moderation/tags.html",
        {
            "tags": tags_with_usage(),
            "merge_form": merge_form,
            "synonym_form": synonym_form,
        },
    )
