from mitmachkarte.core.demo_command import DemoCommand
from mitmachkarte.groups import demo
from mitmachkarte.organisations.demo import DEMO_PASSWORD


class Command(DemoCommand):
    help = (
        "Add demo working groups with meetings, minutes and action items, cooperation "
        "records and strategy priorities for Bochum, Köln and Dortmund (run after "
        "load_demo and load_demo_accounts; idempotent)."
    )

    def load(self, **options):
        return demo.load()

    def report(self, result):
        yield f"Working groups: {result['groups']}, new cooperations: {result['cooperations']}"
        yield (
            f"Sustainability managers (password: {DEMO_PASSWORD}): "
            "bochum@demo.example, koeln@demo.example, dortmund@demo.example"
        )
