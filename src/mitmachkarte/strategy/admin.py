"""The strategy in the admin: for looking and for correcting in an emergency. The site's
editor (views_edit.py) is where municipalities work; versions are visible here."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Contribution,
    Indicator,
    IndicatorValue,
    Measure,
    OperationalGoal,
    ProgressNote,
    StrategicGoal,
    Strategy,
    ThematicField,
)


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "municipality", "published", "is_demo"]
    list_filter = ["published", "is_demo"]
    search_fields = ["title", "municipality__name"]
    raw_id_fields = ["municipality"]


class NodeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "published"]
    search_fields = ["code", "title"]
    list_filter = ["published"]


@admin.register(ThematicField)
class ThematicFieldAdmin(NodeAdmin):
    raw_id_fields = ["strategy"]


@admin.register(StrategicGoal)
class StrategicGoalAdmin(NodeAdmin):
    raw_id_fields = ["field"]
    filter_horizontal = ["sdgs", "targets"]


@admin.register(OperationalGoal)
class OperationalGoalAdmin(NodeAdmin):
    raw_id_fields = ["strategic_goal"]
    filter_horizontal = ["sdgs", "targets"]


class NoteInline(admin.TabularInline):
    model = ProgressNote
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Measure)
class MeasureAdmin(NodeAdmin):
    list_display = ["code", "title", "status", "published"]
    list_filter = ["status", "published"]
    raw_id_fields = ["operational_goal", "partners"]
    filter_horizontal = ["sdgs", "targets"]
    inlines = [NoteInline]


class ValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "baseline_year", "target_year", "direction", "published"]
    raw_id_fields = ["strategic_goal", "operational_goal"]
    inlines = [ValueInline]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["measure", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = [
        "measure", "initiative", "event", "cooperation", "working_group", "need",
        "proposed_by", "created_by", "decided_by",
    ]  # fmt: skip
