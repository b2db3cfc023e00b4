from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.events import demo


class Command(BaseCommand):
    help = (
        "Create demo events: regional talks, online networking meetings, a recurring "
        "repair café and the action-day campaign (run after load_demo; idempotent)."
    )

    def handle(self, *args, **options):
        try:
            result = demo.load()
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Events: {result['events']} created; campaign {result['campaign']}; "
            f"{result['registrations']} demo registrations"
        )
