from django.contrib import admin
from django.db.models import Count

from .models import Municipality


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "ags",
        "kind",
        "district",
        "state",
        "is_model_municipality",
        "initiative_count",
    ]
    list_filter = ["state", "is_model_municipality", "kind", "district"]
    search_fields = ["name", "ags", "district", "slug"]
    readonly_fields = ["bbox_west", "bbox_south", "bbox_east", "bbox_north"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_initiatives=Count("initiatives"))

    @admin.display(ordering="_initiatives", description="Initiativen")
    def initiative_count(self, obj):
        return obj._initiatives
