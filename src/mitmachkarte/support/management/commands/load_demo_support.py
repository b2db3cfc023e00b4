from mitmachkarte.core.demo_command import DemoCommand
from mitmachkarte.support import demo


class Command(DemoCommand):
    help = (
        "Create demo needs and offers (rooms, funding programmes, permit guides) in "
        "several NRW municipalities (run after load_demo_accounts; idempotent)."
    )

    def load(self, **options):
        return demo.load()

    def report(self, result):
        yield f"Support exchange: {result['offers']} offers and {result['needs']} needs created"
