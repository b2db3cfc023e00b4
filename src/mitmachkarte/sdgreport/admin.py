from django.contrib import admin

from .models import StrategyPriority


@admin.register(StrategyPriority)
class StrategyPriorityAdmin(admin.ModelAdmin):
    list_display = ["municipality", "sdg", "target", "set_by"]
    list_filter = ["sdg"]
    autocomplete_fields = ["municipality"]
    search_fields = ["municipality__name", "target__number"]
