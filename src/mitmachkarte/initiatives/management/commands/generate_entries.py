import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.initiatives.demo import bulk_load, generator
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.services import import_municipalities
from mitmachkarte.taxonomy.services import sync_reference_data

DE_FILE = settings.PACKAGE_DIR / "data" / "de-municipalities.csv"
REPORT_EVERY = 50_000  # entries between progress lines


class Command(BaseCommand):
    help = (
        "Create N published initiatives over all German municipalities, reproducibly "
        "from a seed (for benchmarks). Imports the German municipalities if needed. "
        "Writes in batches, each committed, and reports its progress."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--load",
            choices=["auto", "bulk", "rows"],
            default="auto",
            help="bulk: drop the search triggers and secondary indexes, build them once "
            "afterwards; rows: keep them (each row indexed as it is written); auto: bulk "
            f"from {bulk_load.FAST_FROM:,} entries when they at least double the table",
        )

    def handle(self, *args, count: int, seed: int, load: str, **options):
        if not 1 <= count <= 1_000_000:
            raise CommandError("--count must be between 1 and 1,000,000")
        if finished := bulk_load.finish_pending():
            self.stdout.write(f"Finished an interrupted bulk load ({finished} statements)")
        sync_reference_data()
        if Municipality.objects.count() < 10_000:
            report = import_municipalities(path=DE_FILE)
            self.stdout.write(f"Municipalities: {report.created} created")
        municipalities = list(Municipality.objects.order_by("ags"))
        specs = generator.iter_plan(municipalities=municipalities, count=count, seed=seed)
        started, cpu = time.monotonic(), time.process_time()
        reported = 0

        def progress(seen: int, created: int) -> None:
            nonlocal reported
            if seen - reported >= REPORT_EVERY or seen == count:
                reported = seen
                elapsed = time.monotonic() - started
                self.stdout.write(
                    f"  {seen:,} of {count:,} planned, {created:,} created "
                    f"({seen / max(elapsed, 1e-6):,.0f}/s, {elapsed:,.0f} s, "
                    f"{time.process_time() - cpu:,.0f} s CPU)"
                )

        if load == "auto":
            load = (
                "bulk"
                if bulk_load.pays(count=count, existing=Initiative.objects.count())
                else "rows"
            )
        if load == "bulk":
            self.stdout.write("Bulk load: indexes and search index are built at the end")
        created = generator.save(
            specs,
            progress=progress if count >= REPORT_EVERY else None,
            bulk_load_mode=load == "bulk",
        )
        if load == "bulk":
            elapsed = time.monotonic() - started
            self.stdout.write(
                f"  indexes and search index built ({elapsed:,.0f} s, "
                f"{time.process_time() - cpu:,.0f} s CPU in all)"
            )
        self.stdout.write(f"Initiatives: {created} created, {count - created} already there")
