"""Pages of entry care: edit or suggest, review suggestions, history, claim, contact.

Thin: forms parse, the service modules (edits, suggestions, history, claims, freshness,
contact, account) decide. Freshness links, the stale list and the account pages
are in views_links.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mitmachkarte.core import concurrency, conflict_notice, ratelimit
from mitmachkarte.core.concurrency import ConflictError
from mitmachkarte.core.forms import add_service_errors
from mitmachkarte.core.permissions import has_perm, require_perm
from mitmachkarte.core.ratelimit import allow
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.versions import EDITABLE_FIELDS, snapshot, version_token

from . import claims, diff, edits, freshness, selectors
from . import contact as contact_relay
from . import history as versions
from . import suggestions as suggestion_services
from .forms import ContactForm, InitiativeEditForm, RejectForm, archive_reason
from .models import Suggestion

CLAIM_LIMIT = (5, 86400)  # claim mails per account and day
VERSIONS_PER_PAGE = 20
PUBLISH = "initiatives.publish_changes"  # editors and moderators; others suggest


def _entry(slug: str, user=None) -> Initiative:
    initiative = Initiative.objects.filter(slug=slug).first() if "\x00" not in slug else None
    if initiative is None:
        raise Http404("initiative not found")
    if initiative.status != Status.PUBLISHED and not has_perm(user, PUBLISH, initiative):
        raise Http404("initiative not found")
    return initiative


def forbidden(request, message: str, status: int = 403):
    return render(request, "stewardship/message.html", {"error": message}, status=status)


def _edit_fields(form) -> list[str]:
    return [name for name in EDITABLE_FIELDS if name in form.fields]


def _after_conflict(conflict: ConflictError, form, *, publisher: bool):
    """A fresh form after a conflict (merged values, the current version) and the notice."""
    merged, both = concurrency.merge(conflict, form.changes())
    fresh = InitiativeEditForm(
        publisher=publisher,
        initial={
            **InitiativeEditForm.initial_from(merged),
            "comment": form.cleaned_data.get("comment", ""),
            "version": conflict.token,
        },
    )
    # Suggesters do not see the history, so not who edited the entry either.
    notice = conflict_notice.notice(
        conflict,
        labels=concurrency.form_labels(form),
        show=diff.shower(),
        both=both,
        show_who=publisher,
    )
    return fresh, notice


@require_http_methods(["GET", "POST"])
def edit(request, slug: str):
    if not request.user.is_authenticated:
        messages.info(request, _("Please log in to edit an entry or to suggest changes."))
        return redirect_to_login(request.get_full_path())
    initiative = _entry(slug, request.user)
    publisher = has_perm(request.user, PUBLISH, initiative)
    conflict, status = None, 200
    if request.method == "POST":
        form = InitiativeEditForm(request.POST, request.FILES, publisher=publisher)
        status = 400
        if form.is_valid():
            # All the form's values, not only the changed ones: the version check covers
            # every field the form showed.
            write = dict(
                initiative=initiative,
                changes=form.changes(),
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
            try:
                if publisher:
                    data = form.cleaned_data
                    with transaction.atomic():
                        edits.update_initiative(**write)
                        edits.update_picture(
                            initiative=initiative,
                            user=request.user,
                            upload=data.get("image"),
                            remove=data.get("remove_image", False),
                            alt=data["image_alt"],
                            credit=data["image_credit"],
                        )
                    messages.success(request, _("Your changes are published."))
                else:
                    suggestion_services.suggest_changes(
                        **write, comment=form.cleaned_data.get("comment", "")
                    )
                    messages.success(
                        request,
                        _(
                            "Thank you! Your suggestion goes to the "
                            "editors of the entry for review."
                        ),
                    )
                return redirect(initiative.get_absolute_url())
            except ConflictError as exc:
                form, conflict = _after_conflict(exc, form, publisher=publisher)
                status = 409
            except ValidationError as exc:
                add_service_errors(form, exc)
    else:
        form, shown = InitiativeEditForm(publisher=publisher), snapshot(initiative)
        form.initial = {
            **InitiativeEditForm.initial_from(shown),
            "version": version_token(initiative, _edit_fields(form), shown=shown),
        }
    return render(
        request,
        "stewardship/edit.html",
        {"initiative": initiative, "form": form, "publisher": publisher, "conflict": conflict},
        status=status,
    )


@require_POST
@login_required
def confirm(request, slug: str):
    """The "still right" button for editors and moderators."""
    initiative = _entry(slug, request.user)
    try:
        freshness.confirm_initiative(initiative=initiative, user=request.user)
    except ValidationError as exc:
        return forbidden(request, " ".join(exc.messages))
    messages.success(request, _("Thank you: the entry is confirmed as still right."))
    return redirect(initiative.get_absolute_url())


@require_POST
@login_required
def archive(request, slug: str):
    initiative = _entry(slug, request.user)
    freshness.archive_initiative(
        initiative=initiative, user=request.user, reason=archive_reason(request)
    )
    messages.success(
        request,
        _("The entry “%(name)s” is archived and no longer on the map.") % {"name": initiative.name},
    )
    return redirect("initiatives:map")


def _history_page(request, initiative, *, conflict=None, status=200):
    page = Paginator(selectors.versions(initiative), VERSIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "stewardship/history.html",
        {
            "initiative": initiative,
            "page": page,
            "versions": diff.version_rows(list(page.object_list), initiative),
            # One token for every revert button: the state this page shows as current.
            "version": version_token(initiative),
            "conflict": conflict,
        },
        status=status,
    )


@require_http_methods(["GET"])
def history(request, slug: str):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    initiative = _entry(slug, request.user)
    require_perm(request.user, "stewardship.see_history", initiative)
    return _history_page(request, initiative)


@require_POST
@login_required
def revert(request, slug: str, history_id: int):
    initiative = _entry(slug, request.user)
    try:
        versions.revert_initiative(
            initiative=initiative,
            history_id=history_id,
            user=request.user,
            expected_version=request.POST.get(concurrency.FIELD, ""),
        )
    except ConflictError as exc:
        notice = conflict_notice.notice(
            exc,
            labels=diff.labels(),
            show=diff.shower(),
            next_step=_(
                "The history below now shows the current version. Revert again if you "
                "still want to."
            ),
        )
        return _history_page(request, initiative, conflict=notice, status=409)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("stewardship:history", slug=initiative.slug)
    messages.success(request, _("The entry is reverted; the revert is a new version."))
    return redirect("stewardship:history", slug=initiative.slug)


# --- suggestions -----------------------------------------------------------------------------


def _suggestions_page(request, *, conflict=None, status=200):
    return render(
        request,
        "stewardship/suggestions.html",
        {
            "to_review": [
                diff.review(s) for s in selectors.reviewable_suggestions(user=request.user)[:100]
            ],
            "own": selectors.own_suggestions(user=request.user)[:50],
            "reject_form": RejectForm(),
            "conflict": conflict,
        },
        status=status,
    )


@require_http_methods(["GET"])
@login_required
def suggestions(request):
    return _suggestions_page(request)


@require_POST
@login_required
def decide_suggestion(request, pk: int, decision: str):
    suggestion = get_object_or_404(Suggestion, pk=pk)
    try:
        if decision == "accept":
            suggestion_services.accept_suggestion(
                suggestion=suggestion,
                user=request.user,
                expected_version=request.POST.get(concurrency.FIELD, ""),
            )
            messages.success(request, _("The suggestion is accepted and published."))
        else:
            form = RejectForm(request.POST)
            reason = form.data.get("reason", "")
            suggestion_services.reject_suggestion(
                suggestion=suggestion, user=request.user, reason=reason
            )
            messages.success(
                request, _("The suggestion is rejected; the author gets the reason by e-mail.")
            )
    except ConflictError as exc:
        notice = conflict_notice.notice(
            exc,
            labels=diff.labels(),
            show=diff.shower(),
            next_step=_(
                "The suggestion below is compared with the current version now. Decide again."
            ),
        )
        return _suggestions_page(request, conflict=notice, status=409)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("stewardship:suggestions")


# --- claims ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def claim_start(request, slug: str):
    if not request.user.is_authenticated:
        messages.info(request, _("Please log in or create an account to claim this entry."))
        return redirect_to_login(request.get_full_path())
    initiative = _entry(slug, request.user)
    context = {"initiative": initiative, "sent": False}
    if request.method == "POST":
        if not allow(
            "claim", str(request.user.pk), limit=CLAIM_LIMIT[0], window_seconds=CLAIM_LIMIT[1]
        ):
            return forbidden(request, _("Too many requests. Please try again tomorrow."), 429)
        try:
            claims.request_claim(initiative=initiative, user=request.user)
            context["sent"] = True
        except ValidationError as exc:
            context["error"] = " ".join(exc.messages)
    return render(
        request,
        "stewardship/claim_start.html",
        context,
        status=400 if context.get("error") else 200,
    )


@require_http_methods(["GET", "POST"])
def claim_confirm(request, token: str):
    """The link from the mail: a page with a button; the POST makes the user owner."""
    if not request.user.is_authenticated:
        messages.info(request, _("Please log in with the account that requested the link."))
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        try:
            organisation = claims.claim_initiative(token=token, user=request.user)
        except (ValidationError, PermissionDenied) as exc:
            message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            return render(request, "stewardship/claim_confirm.html", {"error": message}, status=400)
        messages.success(
            request,
            _("You are now an editor of “%(name)s”.") % {"name": organisation.initiative.name},
        )
        return redirect("stewardship:edit", slug=organisation.initiative.slug)
    return render(request, "stewardship/claim_confirm.html", {})


# --- contact relay ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def contact(request, slug: str):
    initiative = _entry(slug)
    if not initiative.contact_email:
        return forbidden(request, _("This entry cannot be contacted through the site."), 404)
    form = ContactForm(request.POST or None)
    context = {"initiative": initiative, "form": form, "sent": False}
    if request.method == "POST" and form.caught_bot:  # looks sent, sends nothing
        context.update(sent=True, form=ContactForm())
        return render(request, "stewardship/contact.html", context)
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.check(
                "contact", request, email=form.cleaned_data["email"], entry=initiative.pk
            )
        except ratelimit.RateLimited as exc:
            return ratelimit.render_limited(
                request, "stewardship/contact.html", context, exc, form=form
            )
        try:
            contact_relay.relay_contact_message(
                initiative=initiative,
                sender_name=form.cleaned_data["name"],
                sender_email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        if not form.errors:
            context.update(sent=True, form=ContactForm())
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "stewardship/contact.html", context, status=status)
