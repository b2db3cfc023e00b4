"""Working-group pages: list, detail, one meeting, the iCal feed, joining, cooperations.

Thin: the rules live in services and rules.py. A members-only group's members, dates
and minutes are a 404 for anyone else (its existence may show, its content not).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mitmachkarte.core import concurrency, conflict_notice
from mitmachkarte.core.concurrency import ConflictError
from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.permissions import has_perm, require_perm
from mitmachkarte.events import ical
from mitmachkarte.events.models import Occurrence
from mitmachkarte.organisations.selectors import organisations_of

from . import cooperations as cooperation_services
from . import selectors, services
from .forms import (
    ActionItemForm,
    ActionStatusForm,
    CooperationForm,
    InviteForm,
    JoinForm,
    NotesForm,
)
from .models import ActionItem, Cooperation, JoinRequest, Meeting, WorkingGroup
from .rules import is_member

MANAGE = "groups.manage_group"
VIEW = "groups.view_group_content"


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


GROUPS_PER_PAGE = 30


def group_list(request):
    page = Paginator(selectors.visible_groups(request.user), GROUPS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    mine = set(selectors.groups_of(request.user).values_list("pk", flat=True))
    return render(
        request, "groups/list.html", {"groups": page.object_list, "page": page, "mine": mine}
    )


def _group_for_content(request, slug: str) -> WorkingGroup:
    group = get_object_or_404(WorkingGroup.objects.select_related("municipality"), slug=slug)
    if not has_perm(request.user, VIEW, group):  # 404: a members-only group hides its content
        raise Http404(_("This working group shares its content only with its members."))
    return group


def group_detail(request, slug: str):
    group = get_object_or_404(WorkingGroup.objects.select_related("municipality"), slug=slug)
    can_view = has_perm(request.user, VIEW, group)
    can_manage = has_perm(request.user, MANAGE, group)
    context = {
        "group": group,
        "can_view": can_view,
        "can_manage": can_manage,
        "is_member": is_member(request.user, group),
        "join_form": JoinForm(),
        "invite_form": InviteForm(),
    }
    if can_view:
        context.update(
            members=selectors.members_of(group),
            organisations=group.organisations.all(),
            upcoming=selectors.dates_of(group, upcoming=True),
            past=selectors.dates_of(group, upcoming=False),
            notes={m.occurrence_id: m for m in group.meetings.all()},
        )
    if can_manage:
        context["requests"] = selectors.pending_requests(group)
    return render(request, "groups/detail.html", context)


def meeting_date(request, slug: str, occurrence_id: int):
    """The notes page of one date (the record is created the first time a chair needs it)."""
    group = _group_for_content(request, slug)
    occurrence = get_object_or_404(
        Occurrence, pk=occurrence_id, event__working_group_series__group=group
    )
    meeting = Meeting.objects.filter(occurrence=occurrence).first()
    if meeting is None:
        if not has_perm(request.user, MANAGE, group):
            meeting = Meeting(group=group, occurrence=occurrence, start=occurrence.start)
        else:
            meeting = services.meeting_for(occurrence=occurrence)
    if meeting.pk:
        return redirect(meeting)
    return _meeting_page(request, group, meeting)


def meeting_detail(request, slug: str, pk: int):
    group = _group_for_content(request, slug)
    meeting = get_object_or_404(Meeting, pk=pk, group=group)
    return _meeting_page(request, group, meeting)


NOTES_FIELDS = ["agenda", "minutes", "decisions"]


def _meeting_page(
    request, group, meeting, *, notes_form=None, item_form=None, conflict=None, status=200
):
    can_manage = has_perm(request.user, MANAGE, group)
    members = list(selectors.members_of(group)) if can_manage else []
    items = list(meeting.action_items.select_related("owner")) if meeting.pk else []
    for item in items:  # each status form says which status it changes
        item.version = concurrency.version_of(item, ["status"])
    return render(
        request,
        "groups/meeting.html",
        {
            "group": group,
            "meeting": meeting,
            "items": items,
            "can_manage": can_manage,
            "user_id": getattr(request.user, "pk", None),
            "notes_form": notes_form
            or NotesForm(
                initial={
                    "agenda": meeting.agenda,
                    "minutes": meeting.minutes,
                    "decisions": meeting.decisions,
                    "version": concurrency.version_of(meeting, NOTES_FIELDS) if meeting.pk else "",
                }
            ),
            "item_form": item_form or ActionItemForm(members=members),
            "status_form": ActionStatusForm(),
            "conflict": conflict,
        },
        status=status,
    )


@require_POST
def save_notes(request, slug: str, pk: int):
    group = _group_for_content(request, slug)
    meeting = get_object_or_404(Meeting, pk=pk, group=group)
    form = NotesForm(request.POST)
    if not form.is_valid():
        return _meeting_page(request, group, meeting, notes_form=form, status=400)
    try:
        meeting = services.save_notes(
            meeting=meeting,
            by=request.user,
            expected_version=form.cleaned_data["version"],
            **form.field_values(),
        )
        if "send" in request.POST:
            services.send_minutes(meeting=meeting, by=request.user)
            messages.success(request, _("The minutes were sent to every member."))
        else:
            messages.success(request, _("Saved."))
    except PermissionDenied:
        raise
    except ConflictError as exc:
        # Nothing saved and nothing sent: the chair sees the other change, keeps their text.
        merged, both = concurrency.merge(exc, form.field_values())
        fresh = NotesForm(initial={**merged, "version": exc.token})
        notice = conflict_notice.notice(
            exc, labels=concurrency.form_labels(form), both=both, show_who=True
        )
        return _meeting_page(request, group, meeting, notes_form=fresh, conflict=notice, status=409)
    except ValidationError as exc:
        form.add_error(None, _error_text(exc))
        return _meeting_page(request, group, meeting, notes_form=form, status=400)
    return redirect(meeting)


@require_POST
def add_action_item(request, slug: str, pk: int):
    group = _group_for_content(request, slug)
    meeting = get_object_or_404(Meeting, pk=pk, group=group)
    require_perm(request.user, MANAGE, group)
    members = list(selectors.members_of(group))
    form = ActionItemForm(request.POST, members=members)
    if form.is_valid():
        owner = next(m.user for m in members if m.user_id == form.cleaned_data["owner"])
        try:
            services.add_action_item(
                meeting=meeting,
                by=request.user,
                owner=owner,
                title=form.cleaned_data["title"],
                due_date=form.cleaned_data["due_date"],
            )
            return redirect(meeting)
        except ValidationError as exc:
            add_service_errors(form, exc)
    return _meeting_page(request, group, meeting, item_form=form, status=400)


@require_POST
def action_item_status(request, slug: str, pk: int):
    group = _group_for_content(request, slug)
    item = get_object_or_404(
        ActionItem.objects.select_related("meeting"), pk=pk, meeting__group=group
    )
    form = ActionStatusForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Unknown status."), status=400)
    try:
        services.set_action_item_status(
            item=item,
            by=request.user,
            status=form.cleaned_data["status"],
            expected_version=request.POST.get(concurrency.FIELD, ""),
        )
    except ConflictError as exc:
        labels = {"status": _("Status")}
        show = conflict_notice.model_display(ActionItem)
        messages.error(request, conflict_notice.summary(exc, labels=labels, show=show))
    return redirect(item.meeting)


def group_ics(request, slug: str):
    group = _group_for_content(request, slug)
    events = selectors.group_events(group).prefetch_related("categories")
    body = ical.calendar(
        events, base_url=request.build_absolute_uri("/").rstrip("/"), name=group.name
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{group.slug}.ics"'
    return response


@login_required
@require_POST
def join(request, slug: str):
    group = get_object_or_404(WorkingGroup, slug=slug)
    form = JoinForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        services.request_to_join(group=group, user=request.user, message=message)
        messages.success(request, _("Your request was sent to the chairs."))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect(group)


@login_required
@require_POST
def decide(request, slug: str, pk: int):
    join_request = get_object_or_404(JoinRequest, pk=pk, group__slug=slug)
    try:
        services.decide_join_request(
            join_request=join_request,
            by=request.user,
            approve=request.POST.get("decision") == "approve",
        )
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect(join_request.group)


@login_required
@require_POST
def invite(request, slug: str):
    group = get_object_or_404(WorkingGroup, slug=slug)
    form = InviteForm(request.POST)
    if form.is_valid():
        services.invite(group=group, email=form.cleaned_data["email"], by=request.user)
        messages.success(request, _("The invitation was sent."))
    else:
        require_perm(request.user, MANAGE, group)
        messages.error(request, _("Enter a valid e-mail address."))
    return redirect(group)


def invitation(request, token: str):
    """GET shows a button (mail scanners accept nothing); POST accepts."""
    try:
        found = services.invitation_from_token(token)
    except ValidationError as exc:
        return render(request, "groups/invitation.html", {"error": _error_text(exc)}, status=400)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        try:
            services.accept_invitation(token=token, user=request.user)
        except (ValidationError, PermissionDenied) as exc:
            text = _error_text(exc) if isinstance(exc, ValidationError) else str(exc)
            return render(
                request, "groups/invitation.html", {"error": text, "invitation": found}, status=403
            )
        messages.success(request, _("Welcome to the working group."))
        return redirect(found.group)
    return render(request, "groups/invitation.html", {"invitation": found})


def _login_url() -> str:
    from django.conf import settings
    from django.shortcuts import resolve_url

    return resolve_url(settings.LOGIN_URL)


PREFILL = ("organisation", "counterpart", "type", "since", "until", "description")


@login_required
def cooperations(request):
    organisations = organisations_of(request.user)
    # A suggestion (e.g. from a solved need) links here with the fields prefilled; the
    # user checks them and saves, so nothing is recorded by following a link.
    initial = {key: request.GET[key] for key in PREFILL if request.GET.get(key)}
    form = CooperationForm(request.POST or None, organisations=organisations, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                cooperation_services.record_cooperation(
                    user=request.user,
                    organisation=data["organisation"],
                    counterpart=data["counterpart"],
                    type=data["type"],
                    since=data["since"],
                    until=data["until"],
                    description=data["description"],
                )
                messages.success(request, _("Saved. The other side is asked to confirm."))
                return redirect("groups:cooperations")
            except ValidationError as exc:
                form.add_error(None, _error_text(exc))
        status = 400
    records = selectors.cooperations_for_user(request.user)
    mine = set(organisations.values_list("pk", flat=True))
    own = form["organisation"].value() or (organisations[0].pk if organisations else None)
    own = next((o for o in organisations if str(o.pk) == str(own)), None)
    chosen = str(form["counterpart"].value() or "")
    partners = (
        selectors.partner_candidates(own, q=request.POST.get("q", ""), keep=chosen) if own else []
    )
    return render(
        request,
        "groups/cooperations.html",
        {
            "form": form,
            "records": records,
            "mine": mine,
            "partners": partners,
            "chosen": chosen,
        },
        status=status,
    )


@login_required
@require_POST
def confirm_cooperation(request, pk: int):
    cooperation = get_object_or_404(Cooperation, pk=pk)
    try:
        cooperation_services.confirm_cooperation(cooperation=cooperation, user=request.user)
        messages.success(request, _("The cooperation is confirmed."))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect("groups:cooperations")
