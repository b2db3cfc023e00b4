from mitmachkarte.core.demo_command import DemoCommand
from mitmachkarte.events import demo


class Command(DemoCommand):
    help = (
        "Create demo events: regional talks, online networking meetings, a recurring "
        "repair café and the action-day campaign (run after load_demo; idempotent)."
    )

    def load(self, **options):
        return demo.load()

    def report(self, result):
        yield (
            f"Events: {result['events']} created; campaign {result['campaign']}; "
            f"{result['registrations']} demo registrations"
        )
