from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.support import demo


class Command(BaseCommand):
    help = (
        "Create demo needs and offers (rooms, funding programmes, permit guides) in "
        "several NRW municipalities (run after load_demo_accounts; idempotent)."
    )

    def handle(self, *args, **options):
        try:
            result = demo.load()
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Support exchange: {result['offers']} offers and {result['needs']} needs created"
        )
