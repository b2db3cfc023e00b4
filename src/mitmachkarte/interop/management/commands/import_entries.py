from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.interop.mapping import MappingError
from mitmachkarte.interop.readers import FORMATS
from mitmachkarte.interop.services import ImportFileError, import_entries


class Command(BaseCommand):
    help = (
        "Import entries as published initiatives from a Karte-von-morgen CSV export "
        "(kvm-csv), the platform's own CSV export (csv) or its GeoJSON (geojson). "
        "Prints a report; one transaction; re-imports update changed rows only."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", dest="fmt", choices=FORMATS, required=True)
        parser.add_argument("--dry-run", action="store_true", help="check and report, save nothing")
        parser.add_argument(
            "--source",
            default="",
            help="name of the origin for re-imports (default: kvm / csv / geojson)",
        )
        parser.add_argument(
            "--mapping",
            default=None,
            help="TOML file mapping KVM tags to categories/SDGs (default: the shipped one)",
        )

    def handle(self, *args, file, fmt, dry_run, source, mapping, **options):
        try:
            report = import_entries(
                data=file, fmt=fmt, source=source, dry_run=dry_run, mapping=mapping
            )
        except (ImportFileError, MappingError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        self.stdout.write(report.as_text())
