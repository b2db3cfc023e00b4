from django.contrib import admin
from django.utils import timezone

from mitmachkarte.core.concurrency_admin import ConflictCheckedAdmin

from .models import Initiative, Status
from .services import refresh_derived_fields


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
    readonly_fields = ["created_at", "updated_at", "published_at"]
    date_hierarchy = "created_at"
    list_select_related = ["municipality"]

    def save_model(self, request, obj, form, change):
        # Publishing by hand here counts as the first publication too (see publish_initiative).
        if obj.status == Status.PUBLISHED and obj.published_at is None:
            obj.published_at = timezone.now()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Keep municipality (unless chosen by hand) and search text in step with the edit.
        chosen = "municipality" in form.changed_data and form.instance.municipality_id
        refresh_derived_fields(initiative=form.instance, relocate=not chosen)
