from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.stewardship import demo


class Command(BaseCommand):
    help = (
        "Demo history for the demo initiative editor's entry and about 5 % entries that "
        "may be outdated (run after load_demo_accounts; idempotent)."
    )

    def handle(self, *args, **options):
        try:
            report = demo.load()
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Entry care: {report.versions_added} demo versions of "
            f"“{report.initiative}”, {report.stale} entries may be outdated "
            "(list: /moderation/veraltet/)"
        )
