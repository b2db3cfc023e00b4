"""Editing the tree in the site: the overview, a node's form (with moving, deleting,
progress notes and its indicators) and the strategy's own title and publishing."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mitmachkarte.core.concurrency import ConflictError, merge, person
from mitmachkarte.core.permissions import require_perm
from mitmachkarte.municipalities.models import Municipality

from . import levels, selectors, services
from .forms import MoveForm, NoteForm, StrategyForm, node_form_class
from .levels import BY_SLUG, MEASURE
from .models import ProgressNote
from .selectors import version_reason


class LoginRequired(Exception):
    """Raised by `editor` for anonymous visitors; `login_first` sends them to log in."""


class NoStrategyYet(Exception):
    """Raised by `editor` on a GET before the municipality has a strategy: a page with a
    button creates it (changes happen by POST)."""

    def __init__(self, municipality):
        self.municipality = municipality


def login_first(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LoginRequired:
            return redirect_to_login(request.get_full_path())
        except NoStrategyYet as missing:
            return render(request, "strategy/start.html", {"municipality": missing.municipality})

    return wrapped


def editor(request, slug: str, *, missing_ok: bool = False):
    """The municipality and its strategy for one of its editors (a POST creates it)."""
    if not request.user.is_authenticated:
        raise LoginRequired
    municipality = get_object_or_404(Municipality, slug=slug)
    require_perm(request.user, "strategy.edit", municipality)
    if request.method == "POST":
        strategy = services.get_or_create_strategy(municipality=municipality, actor=request.user)
    else:
        strategy = selectors.strategy_for(municipality, members=True)
        if strategy is None and not missing_ok:
            raise NoStrategyYet(municipality)
    return municipality, strategy


def node_in(strategy, level_slug: str, pk: int):
    level = BY_SLUG.get(level_slug)
    if level is None:
        raise Http404("no such level")
    node = levels.nodes_of(strategy, level).filter(pk=pk).first()
    if node is None:
        raise Http404("no such node")
    return level, node


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@login_first
def overview(request, slug: str):
    municipality, strategy = editor(request, slug)
    if request.method == "POST" and "start" in request.POST:  # the start page's button
        return redirect("strategy:edit", slug=slug)
    form = StrategyForm(request.POST or None, instance=strategy)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_strategy(
                strategy=strategy,
                actor=request.user,
                changes=form.field_values(),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("strategy:edit", slug=slug)
    return render(
        request,
        "strategy/edit.html",
        {
            "municipality": municipality,
            "strategy": strategy,
            "form": form,
            "fields": selectors.tree(strategy, members=True),
            "levels": levels.LEVELS,
        },
        status=400 if form.errors else 200,
    )


@login_first
def create_node(request, slug: str, level: str):
    municipality, strategy = editor(request, slug)
    node_level = BY_SLUG.get(level)
    if node_level is None:
        raise Http404("no such level")
    above = levels.parent_level(node_level)
    if above is None:
        parent = strategy
    else:
        parent = levels.nodes_of(strategy, above).filter(pk=request.GET.get("parent") or 0)
        parent = parent.first() if str(request.GET.get("parent", "")).isdigit() else None
        if parent is None:
            raise Http404("name the node above with ?parent=")
    form = node_form_class(node_level, municipality)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            node = services.create_node(
                level=node_level, parent=parent, actor=request.user, values=form.changes()
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Created."))
            return redirect("strategy:node_edit", slug=slug, level=level, pk=node.pk)
    return render(
        request,
        "strategy/node_form.html",
        {"municipality": municipality, "strategy": strategy, "level": node_level,
         "parent": parent, "form": form},
        status=400 if form.errors else 200,
    )  # fmt: skip


@login_first
def edit_node(request, slug: str, level: str, pk: int):
    municipality, strategy = editor(request, slug)
    node_level, node = node_in(strategy, level, pk)
    form_class = node_form_class(node_level, municipality)
    form = form_class(request.POST or None, instance=node)
    both, conflict = set(), None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_node(
                node=node,
                actor=request.user,
                changes=form.changes(),
                expected_version=form.cleaned_data["version"],
                note=form.cleaned_data.get("note", ""),
            )
        except ConflictError as exc:
            values, both = merge(exc, form.changes())
            form = form_class(instance=node, initial={**values, "version": exc.token})
            conflict = exc
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("strategy:node_edit", slug=slug, level=level, pk=pk)
    return render(
        request,
        "strategy/node_form.html",
        {**_node_context(municipality, strategy, node_level, node, form, both),
         "conflict": conflict},
        status=409 if conflict else (400 if form.errors else 200),
    )  # fmt: skip


def _node_context(municipality, strategy, node_level, node, form, both):
    above = levels.parent_level(node_level)
    parents = levels.nodes_of(strategy, above) if above else None
    goal_view = None
    if node_level.key in ("strategic_goal", "operational_goal"):
        goal_view = [selectors.indicator_view(i, public=False) for i in node.indicators.all()]
    return {
        "municipality": municipality,
        "strategy": strategy,
        "level": node_level,
        "node": node,
        "form": form,
        "both": both,
        "parent": levels.parent_of(node),
        "move_form": MoveForm(parents=parents.exclude(pk=levels.parent_of(node).pk))
        if parents is not None
        else None,
        "note_form": NoteForm(initial={"date": timezone.localdate()})
        if node_level is MEASURE
        else None,
        "notes": node.notes.select_related("author") if node_level is MEASURE else [],
        "indicators": goal_view,
        "versions": [
            (v, person(v.history_user), version_reason(v))
            for v in node.history.select_related("history_user")[:20]
        ],
        "child_level": levels.LEVELS[levels.LEVELS.index(node_level) + 1]
        if node_level.children
        else None,
    }


@login_first
@require_POST
def move_node(request, slug: str, level: str, pk: int):
    municipality, strategy = editor(request, slug)
    node_level, node = node_in(strategy, level, pk)
    above = levels.parent_level(node_level)
    if above is None:
        raise Http404("thematic fields do not move")
    form = MoveForm(request.POST, parents=levels.nodes_of(strategy, above))
    if form.is_valid():
        try:
            services.move_node(node=node, new_parent=form.cleaned_data["parent"],
                               actor=request.user)  # fmt: skip
            messages.success(request, _("Moved."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Choose where to move it."))
    return redirect("strategy:node_edit", slug=slug, level=level, pk=pk)


@login_first
@require_POST
def delete_node(request, slug: str, level: str, pk: int):
    municipality, strategy = editor(request, slug)
    _level, node = node_in(strategy, level, pk)
    services.delete_node(node=node, actor=request.user)
    messages.success(request, _("Deleted: %(node)s") % {"node": node})
    return redirect("strategy:edit", slug=slug)


@login_first
@require_POST
def publish_node(request, slug: str, level: str, pk: int):
    municipality, strategy = editor(request, slug)
    _level, node = node_in(strategy, level, pk)
    services.set_published(
        obj=node, published=request.POST.get("published") == "1", actor=request.user
    )
    return back(request, "strategy:edit", slug=slug)


def back(request, fallback: str, **kwargs):
    """To the page the form was on (a local path), else to `fallback`."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback, **kwargs)


@login_first
@require_POST
def add_note(request, slug: str, pk: int):
    municipality, strategy = editor(request, slug)
    _level, measure = node_in(strategy, MEASURE.slug, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.add_progress_note(
            measure=measure,
            actor=request.user,
            text=form.cleaned_data["text"],
            on=form.cleaned_data["date"],
        )
        messages.success(request, _("Progress note saved."))
    else:
        messages.error(request, _("A progress note needs a date and a text."))
    return redirect("strategy:node_edit", slug=slug, level=MEASURE.slug, pk=pk)


@login_first
@require_POST
def delete_note(request, slug: str, pk: int, note_pk: int):
    municipality, strategy = editor(request, slug)
    _level, measure = node_in(strategy, MEASURE.slug, pk)
    note = get_object_or_404(ProgressNote, pk=note_pk, measure=measure)
    try:
        services.delete_progress_note(note=note, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("strategy:node_edit", slug=slug, level=MEASURE.slug, pk=pk)
