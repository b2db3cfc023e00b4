from django.conf import settings
from django.core.management.base import BaseCommand

from mitmachkarte.initiatives.demo import generator
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.services import import_municipalities
from mitmachkarte.taxonomy.services import sync_reference_data

NRW_FILE = settings.PACKAGE_DIR / "data" / "nrw-municipalities.geojson"
DEMO_SEED = 2026


class Command(BaseCommand):
    help = "Import the NRW municipalities and create ~700 published demo initiatives (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=700)

    def handle(self, *args, count: int, **options):
        sync_reference_data()
        report = import_municipalities(path=NRW_FILE)
        self.stdout.write(
            f"Municipalities: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged"
        )
        nrw = list(Municipality.objects.filter(ags__startswith="05").order_by("ags"))
        specs = generator.plan(municipalities=nrw, count=count, seed=DEMO_SEED)
        created = generator.save(specs)
        self.stdout.write(f"Initiatives: {created} created, {len(specs) - created} already there")
