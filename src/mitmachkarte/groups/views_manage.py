"""Working groups in the site: municipalities and the network team start groups; chairs
change purpose and SDG focus and set up the meeting series (inviting members is on the
group page). Thin: rules in rules.py, writes in services.py and setup.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.params import parse_id, value_or_default
from mitmachkarte.core.permissions import permission_required, require_perm
from mitmachkarte.events import venues
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation
from mitmachkarte.organisations.rules import is_network_team, municipalities_moderated_by

from . import selectors, services, setup
from .forms_manage import GroupForm, SeriesForm
from .models import WorkingGroup


def _municipalities(user):
    """Where one may start a group: one's own municipalities (the network team: all)."""
    if is_network_team(user):
        return Municipality.objects.order_by("name")
    return Municipality.objects.filter(
        pk__in=municipalities_moderated_by(user).values("pk")
    ).order_by("name")


def _page(request, template: str, context: dict, form) -> object:
    return render(request, template, context | {"form": form}, status=400 if form.errors else 200)


@permission_required("groups.create_group")
@require_http_methods(["GET", "POST"])
def create(request):
    municipalities = _municipalities(request.user)
    form = GroupForm(
        request.POST or None,
        municipalities=municipalities,
        initial={"municipality": municipalities.first(), "visibility": "public"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(created_by=request.user, **form.service_fields())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The working group is set up; you chair it."))
            return redirect(group)
    return _page(request, "groups/group_form.html", {"group": None}, form)


def _managed(request, slug: str) -> WorkingGroup:
    group = get_object_or_404(WorkingGroup, slug=slug)
    require_perm(request.user, "groups.manage_group", group)
    return group


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug: str):
    group = _managed(request, slug)
    municipalities = Municipality.objects.filter(
        pk__in=[m.pk for m in _municipalities(request.user)] + [group.municipality_id]
    ).order_by("name")
    initial = {
        "name": group.name,
        "purpose": group.purpose,
        "municipality": group.municipality_id,
        "region": group.region,
        "visibility": group.visibility,
        "sdgs": list(group.sdgs.values_list("number", flat=True)),
    }
    form = GroupForm(request.POST or None, municipalities=municipalities, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            setup.update_group(group=group, by=request.user, **form.service_fields())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(group)
    return _page(request, "groups/group_form.html", {"group": group}, form)


@login_required
@require_http_methods(["GET", "POST"])
def series(request, slug: str):
    group = _managed(request, slug)
    form = SeriesForm(request.POST or None, initial={"repeat": "monthly_weekday"})
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        fields |= venues.point_for(
            format=fields["format"],
            street=fields["street"],
            postcode=fields["postcode"],
            city=fields["city"],
        )
        try:
            services.schedule_meetings(group=group, by=request.user, **fields)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The meetings are in the calendar."))
            return redirect(group)
    return _page(request, "groups/series_form.html", {"group": group}, form)


@login_required
@require_GET
def partner_search(request):
    """The partner picker's results (an htmx fragment; the cooperation page renders the same
    list for its first view, so it works without JavaScript)."""
    organisation = get_object_or_404(
        Organisation, pk=value_or_default(parse_id, "organisation", request.GET.get("organisation"))
    )
    require_perm(request.user, "groups.enter_cooperation", organisation)
    return render(
        request,
        "groups/_partner_results.html",
        {
            "partners": selectors.partner_candidates(organisation, q=request.GET.get("q", "")),
            "chosen": request.GET.get("counterpart", ""),
        },
    )
