from django.contrib import admin

from .models import SDG, Category, SDGTarget, Tag


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


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SDGTarget)
class SDGTargetAdmin(admin.ModelAdmin):
    list_display = ["number", "name_de", "name_en", "sdg"]
    list_filter = ["sdg"]
    search_fields = ["number", "name_de", "name_en"]
