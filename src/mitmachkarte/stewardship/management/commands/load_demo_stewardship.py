from mitmachkarte.core.demo_command import DemoCommand
from mitmachkarte.stewardship import demo


class Command(DemoCommand):
    help = (
        "Demo history for the demo initiative editor's entry and about 5 % entries that "
        "may be outdated (run after load_demo_accounts; idempotent)."
    )

    def load(self, **options):
        return demo.load()

    def report(self, result):
        yield (
            f"Entry care: {result.versions_added} demo versions of "
            f"“{result.initiative}”, {result.stale} entries may be outdated "
            "(list: /moderation/veraltet/)"
        )
