from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.initiatives.demo import generator
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.services import import_municipalities
from mitmachkarte.taxonomy.services import sync_reference_data

DE_FILE = settings.PACKAGE_DIR / "data" / "de-municipalities.csv"


class Command(BaseCommand):
    help = (
        "Create N published initiatives over all German municipalities, reproducibly "
        "from a seed (for benchmarks). Imports the German municipalities if needed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, count: int, seed: int, **options):
        if not 1 <= count <= 1_000_000:
            raise CommandError("--count must be between 1 and 1,000,000")
        sync_reference_data()
        if Municipality.objects.count() < 10_000:
            report = import_municipalities(path=DE_FILE)
            self.stdout.write(f"Municipalities: {report.created} created")
        municipalities = list(Municipality.objects.order_by("ags"))
        specs = generator.plan(municipalities=municipalities, count=count, seed=seed)
        created = generator.save(specs)
        self.stdout.write(f"Initiatives: {created} created, {len(specs) - created} already there")
