"""The admin of entries. It writes through the services like every other door: fields via
`update_initiative_fields`, the status only by the actions (publish, archive, back to draft)
through `lifecycle.set_status`, so the decision log, the history and the mails are the same
as in the moderation queue."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitmachkarte.core.concurrency_admin import ConflictCheckedAdmin

from .lifecycle import set_status
from .models import Initiative, Status
from .services import (
    UPDATABLE_FIELDS,
    choose_municipality,
    create_initiative,
    keep_slug,
    update_initiative_fields,
)

ADMIN_REASON = "Admin"


def _plain(name: str, value):
    """A form value in the format of versions.snapshot."""
    if name == "categories":
        return sorted(c.slug for c in value)
    if name == "sdgs":
        return sorted(s.number for s in value)
    if name == "tags":
        return sorted(t.name for t in value)
    return value


@admin.register(Initiative)
class InitiativeAdmin(ConflictCheckedAdmin):
    list_display = ["name", "municipality", "status", "updated_at", "last_confirmed_at"]
    list_filter = [
        "status",
        "categories",
        "sdgs",
        "data_licence",
        ("municipality__district", admin.AllValuesFieldListFilter),
    ]
    search_fields = ["name", "slug", "city", "postcode", "municipality__name", "search_text"]
    autocomplete_fields = ["municipality", "tags"]
    filter_horizontal = ["categories", "sdgs"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["status", "created_at", "updated_at", "published_at"]
    date_hierarchy = "created_at"
    list_select_related = ["municipality"]
    actions = ["publish", "archive", "back_to_draft"]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if not change:
            fields = {
                f: data[f]
                for f in UPDATABLE_FIELDS
                if f in data and f not in {"categories", "sdgs", "tags"}
            }
            created = create_initiative(
                **fields,
                categories=_plain("categories", data.get("categories", [])),
                sdgs=_plain("sdgs", data.get("sdgs", [])),
                tags=_plain("tags", data.get("tags", [])),
                actor=request.user,
                reason=ADMIN_REASON,
            )
            obj.pk = created.pk  # the admin's redirect and log need it
        else:
            changes = {
                f: _plain(f, data[f])
                for f in form.changed_data
                if f in UPDATABLE_FIELDS and f in data
            }
            update_initiative_fields(
                initiative=obj, changes=changes, actor=request.user, reason=ADMIN_REASON
            )
        if data.get("slug"):
            keep_slug(initiative=obj, slug=data["slug"])
        if "municipality" in form.changed_data and data.get("municipality"):
            choose_municipality(initiative=obj, municipality=data["municipality"])
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        # Categories, goals and tags were written by the service in save_model.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def _set_status(self, request, queryset, status: str, label: str):
        if "apply" not in request.POST:
            return TemplateResponse(
                request,
                "initiatives/admin/status_action.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "title": label,
                    "entries": queryset,
                    "action": request.POST.get("action", ""),
                },
            )
        reason = request.POST.get("reason", "").strip()[:5_000]
        done = 0
        for initiative in queryset:
            try:
                set_status(
                    initiative=initiative,
                    status=status,
                    actor=request.user,
                    reason=reason,
                    via="admin",
                )
                done += 1
            except ValidationError as exc:
                self.message_user(
                    request, f"{initiative}: {' '.join(exc.messages)}", messages.ERROR
                )
        self.message_user(request, _("%(n)s entries changed.") % {"n": done})
        return None

    @admin.action(description=gettext_lazy("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        return self._set_status(request, queryset, Status.PUBLISHED, _("Publish"))

    @admin.action(description=gettext_lazy("Archive"), permissions=["change"])
    def archive(self, request, queryset):
        return self._set_status(request, queryset, Status.ARCHIVED, _("Archive"))

    @admin.action(description=gettext_lazy("Back to draft"), permissions=["change"])
    def back_to_draft(self, request, queryset):
        return self._set_status(request, queryset, Status.DRAFT, _("Back to draft"))
