from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.groups import demo
from mitmachkarte.organisations.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Add demo working groups with meetings, minutes and action items, cooperation "
        "records and strategy priorities for Bochum, Köln and Dortmund (run after "
        "load_demo and load_demo_accounts; idempotent)."
    )

    def handle(self, *args, **options):
        try:
            counts = demo.load()
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Working groups: {counts['groups']}, new cooperations: {counts['cooperations']}"
        )
        self.stdout.write(
            f"Sustainability managers (password: {DEMO_PASSWORD}): "
            "bochum@demo.example, koeln@demo.example, dortmund@demo.example"
        )
