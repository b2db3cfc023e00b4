import tempfile
from pathlib import Path

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .forms import ImportForm
from .mapping import MappingError
from .models import ImportedEntry
from .services import ImportFileError, import_entries


@admin.register(ImportedEntry)
class ImportedEntryAdmin(admin.ModelAdmin):
    list_display = ["source", "source_id", "initiative_link", "imported_at"]
    list_filter = ["source"]
    search_fields = ["source_id", "initiative__name"]
    readonly_fields = ["source", "source_id", "initiative", "imported_at", "content_hash"]
    change_list_template = "admin/interop/importedentry/change_list.html"

    def has_add_permission(self, request):
        return False  # entries come in through imports only

    @admin.display(description=_("initiative"))
    def initiative_link(self, obj):
        url = reverse("admin:initiatives_initiative_change", args=[obj.initiative_id])
        return format_html('<a href="{}">{}</a>', url, obj.initiative)

    def get_urls(self):
        upload = path(
            "upload/",
            self.admin_site.admin_view(self.upload_view),
            name="interop_importedentry_upload",
        )
        return [upload, *super().get_urls()]

    def upload_view(self, request):
        """Upload a file, see the same report as the command; a dry run saves nothing."""
        if not request.user.has_perm("initiatives.add_initiative"):
            raise PermissionDenied
        report, error = None, ""
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            mapping = _mapping_path(data["mapping"])
            try:
                report = import_entries(
                    data=data["file"],
                    fmt=data["fmt"],
                    source=data["source"],
                    dry_run=data["dry_run"],
                    mapping=mapping,
                    actor=request.user,
                )
            except (ImportFileError, MappingError) as exc:
                error = str(exc)
            finally:
                if mapping:
                    mapping.unlink(missing_ok=True)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import entries"),
            "form": form,
            "report": report,
            "error": error,
        }
        return render(request, "admin/interop/upload.html", context)


def _mapping_path(upload) -> Path | None:
    """The uploaded mapping as a temporary file (the loader reads TOML from a path)."""
    if not upload:
        return None
    with tempfile.NamedTemporaryFile(suffix=".toml", delete=False) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return Path(handle.name)
