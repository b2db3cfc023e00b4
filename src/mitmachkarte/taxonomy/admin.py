from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from . import services
from .models import SDG, Category, SDGTarget, Tag, TagSynonym


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["icon", "name_de", "name_en", "slug", "colour", "position"]
    list_display_links = ["name_de"]
    search_fields = ["name_de", "name_en", "slug"]
    ordering = ["position"]


@admin.register(SDG)
class SDGAdmin(admin.ModelAdmin):
    list_display = ["number", "name_de", "name_en", "colour"]
    search_fields = ["name_de", "name_en"]


class TagSynonymInline(admin.TabularInline):
    model = TagSynonym
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "entry_count"]
    search_fields = ["name", "slug", "synonyms__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TagSynonymInline]
    actions = ["merge_into_most_used"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_count=Count("initiatives"))

    @admin.display(description=_("entries"), ordering="entry_count")
    def entry_count(self, obj) -> int:
        return obj.entry_count

    @admin.action(description=_("Merge selected tags into the most used one"))
    def merge_into_most_used(self, request, queryset):
        tags = sorted(queryset, key=lambda t: (-t.entry_count, t.name))
        if len(tags) < 2:
            self.message_user(request, _("Select at least two tags."), messages.WARNING)
            return
        target = tags[0]
        try:
            for source in tags[1:]:
                services.merge_tags(source=source, target=target)
        except ValidationError as exc:
            self.message_user(request, "; ".join(exc.messages), messages.ERROR)
            return
        self.message_user(request, _("Merged into “%(name)s”.") % {"name": target.name})


@admin.register(TagSynonym)
class TagSynonymAdmin(admin.ModelAdmin):
    list_display = ["name", "tag"]
    search_fields = ["name", "tag__name"]
    autocomplete_fields = ["tag"]


@admin.register(SDGTarget)
class SDGTargetAdmin(admin.ModelAdmin):
    list_display = ["number", "name_de", "name_en", "sdg"]
    list_filter = ["sdg"]
    search_fields = ["number", "name_de", "name_en"]
