"""The measure page (public when published; the municipality's side links, decides and sees
suggestions there) and an initiative's "propose a contribution" page. Thin: the rules are
in contributions.py and rules_contributions.py."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mitmachkarte.core import params
from mitmachkarte.core.permissions import has_perm, require_perm
from mitmachkarte.events.models import Event
from mitmachkarte.groups.models import Cooperation, WorkingGroup
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.support.models import Need

from . import contributions, measure_selectors, peers, suggestions
from .models import Contribution, ContributionStatus
from .rules_contributions import municipality_of

MODELS = {
    "initiative": Initiative,
    "event": Event,
    "cooperation": Cooperation,
    "working_group": WorkingGroup,
    "need": Need,
}


def _measure(slug: str, pk: int, user):
    """The measure, or 404: unknown, or unpublished and the user not of its municipality."""
    measure = measure_selectors.measure_of_municipality(slug=slug, pk=pk)
    if measure is None:
        raise Http404("measure not found")
    member = has_perm(user, "strategy.manage_contributions", measure)
    if not member and not measure_selectors.is_public(measure):
        raise Http404("measure not found")
    return measure, member


def _target(raw):
    """ "kind:pk" of a form's choice → the object (a 400 notice names the field)."""
    kind, _sep, pk = str(raw or "").partition(":")
    kind = params.parse_choice("target", kind, MODELS)
    pk = params.parse_id("target", pk)
    if kind is None or pk is None:
        raise params.FilterError("target", _("Choose what contributes."))
    found = MODELS[kind].objects.filter(pk=pk).first()
    if found is None:
        raise params.FilterError("target", _("This no longer exists."))
    return found


def detail(request, slug: str, pk: int):
    measure, member = _measure(slug, pk, request.user)
    confirmed = measure_selectors.contributions(measure, status=ContributionStatus.CONFIRMED)
    if not member:
        confirmed = [c for c in confirmed if measure_selectors.publicly_visible(c)]
    for item in confirmed:
        item.removable = request.user.is_authenticated and has_perm(
            request.user, "strategy.remove_contribution", item
        )
    ogoal = measure.operational_goal
    context = {
        "measure": measure,
        "member": member,
        "is_public": measure_selectors.is_public(measure),
        "municipality": municipality_of(measure),
        "strategy": ogoal.strategic_goal.field.strategy,
        "path": [ogoal.strategic_goal.field, ogoal.strategic_goal, ogoal],
        "partners": measure.partners.order_by("name"),
        "sdgs": measure.sdgs.order_by("number"),
        "targets": measure.targets.select_related("sdg"),
        "groups": measure_selectors.grouped(confirmed),
        "peers": peers.similar_measures(measure),
    }
    if member:
        context |= {
            "proposals": measure_selectors.contributions(
                measure, status=ContributionStatus.PROPOSED
            ),
            "declined": measure_selectors.contributions(
                measure, status=ContributionStatus.DECLINED
            ),
            "linkable": measure_selectors.linkable(context["municipality"]),
            "suggestions": suggestions.suggest(measure),
        }
    return render(request, "strategy/measure_detail.html", context)


def _back(measure):
    return redirect("strategy_measure:detail", slug=municipality_of(measure).slug, pk=measure.pk)


def _report(request, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@require_POST
def link(request, slug: str, pk: int):
    measure, member = _measure(slug, pk, request.user)
    require_perm(request.user, "strategy.manage_contributions", measure)
    try:
        target = _target(request.POST.get("target"))
        contributions.link_contribution(
            user=request.user,
            measure=measure,
            target=target,
            note=request.POST.get("note", "")[:2000],
        )
        messages.success(request, _("Linked: %(thing)s") % {"thing": target})
    except params.FilterError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        _report(request, exc)
    return _back(measure)


def _contribution(measure, pk: int) -> Contribution:
    return get_object_or_404(Contribution, measure=measure, pk=pk)


@require_POST
def decide(request, slug: str, pk: int, contribution: int):
    measure, _member = _measure(slug, pk, request.user)
    item = _contribution(measure, contribution)
    decision = params.value_or_default(
        params.parse_choice, "decision", request.POST.get("decision"), ["confirm", "decline"]
    )
    service = {
        "confirm": contributions.confirm_contribution,
        "decline": contributions.decline_contribution,
    }.get(decision)
    if service is None:
        messages.error(request, _("Choose to confirm or to decline."))
        return _back(measure)
    try:
        service(user=request.user, contribution=item, note=request.POST.get("note", "")[:2000])
        messages.success(request, _("Confirmed.") if decision == "confirm" else _("Declined."))
    except ValidationError as exc:
        _report(request, exc)
    return _back(measure)


@require_POST
def remove(request, slug: str, pk: int, contribution: int):
    measure, _member = _measure(slug, pk, request.user)
    item = _contribution(measure, contribution)
    contributions.remove_contribution(user=request.user, contribution=item)
    messages.success(request, _("Removed."))
    return _back(measure)


def _own_things(initiative, organisation) -> list[tuple[str, str]]:
    """(value, label) of what an initiative may propose: itself, its published events,
    its confirmed cooperations and its solved needs."""
    choices = [(f"initiative:{initiative.pk}", initiative.name)]
    events = Event.objects.filter(status="published").filter(
        organiser_initiative=initiative
    ) | Event.objects.filter(status="published", organisation=organisation)
    for event in events.distinct().order_by("-start")[:100]:
        choices.append((f"event:{event.pk}", _("Event: %(title)s") % {"title": event.title}))
    for coop in Cooperation.objects.filter(
        initiative_organisation=organisation, status="confirmed"
    ).select_related("partner"):
        choices.append(
            (
                f"cooperation:{coop.pk}",
                _("Cooperation with %(partner)s") % {"partner": coop.partner},
            )
        )
    for need in organisation.needs.filter(status="solved").order_by("-updated_at")[:100]:
        choices.append((f"need:{need.pk}", _("Solved need: %(title)s") % {"title": need.title}))
    return choices


def propose(request, slug: str):
    initiative = get_object_or_404(Initiative, slug=slug, status=Status.PUBLISHED)
    organisation = getattr(initiative, "organisation", None)
    if organisation is None:
        raise Http404("initiative has no organisation")
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    require_perm(request.user, "strategy.propose_contribution", organisation)
    measures = list(measure_selectors.proposable_measures(initiative))
    things = _own_things(initiative, organisation)
    error, status = "", 200
    if request.method == "POST":
        try:
            measure_pk = params.parse_id("measure", request.POST.get("measure"))
            measure = next((m for m in measures if m.pk == measure_pk), None)
            if measure is None:
                raise params.FilterError("measure", _("Choose a published measure."))
            if request.POST.get("target") not in {value for value, _label in things}:
                raise params.FilterError("target", _("Choose what contributes."))
            contributions.propose_contribution(
                user=request.user,
                organisation=organisation,
                measure=measure,
                target=_target(request.POST.get("target")),
                note=request.POST.get("note", "")[:2000],
            )
            messages.success(
                request,
                _("Proposed. %(municipality)s decides and you will get a mail.")
                % {"municipality": municipality_of(measure).name},
            )
            return redirect(initiative.get_absolute_url())
        except params.FilterError as exc:
            error, status = exc.message, 400
        except ValidationError as exc:
            error, status = " ".join(exc.messages), 400
    return render(
        request,
        "strategy/measure_propose.html",
        {"initiative": initiative, "measures": measures, "things": things, "error": error},
        status=status,
    )
