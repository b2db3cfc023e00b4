from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.municipalities.services import ImportFileError, import_municipalities


class Command(BaseCommand):
    help = (
        "Import or update municipalities from a GeoJSON (with boundaries) or CSV file with the "
        "fields ags, name, type, district_ags, district, state, lat, lon, area_km2. "
        "Matches by AGS; re-running updates and never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.exists():
            raise CommandError(f"File not found: {file}")
        try:
            report = import_municipalities(path=file)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.rejected[:20]:
            self.stderr.write(f"rejected {line}")
        if len(report.rejected) > 20:
            self.stderr.write(f"… and {len(report.rejected) - 20} more rejected records")
        self.stdout.write(
            f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
            f"{len(report.rejected)} rejected"
        )
