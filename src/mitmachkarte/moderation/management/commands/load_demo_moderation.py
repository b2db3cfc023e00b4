from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.moderation import demo
from mitmachkarte.organisations.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Pending demo proposals (Bochum and elsewhere, one likely duplicate) and two open "
        "problem reports; prints the demo logins of every role (after load_demo; "
        "idempotent)."
    )

    def handle(self, *args, **options):
        try:
            summary = demo.load()
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Moderation demo: {summary.proposals} pending proposals, "
            f"{summary.reports} open problem reports at /moderation/"
        )
        self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD}) at /konto/login/:")
        for login in summary.logins:
            self.stdout.write(f"  {login.email:<26} {login.role} – {login.organisation}")
        self.stdout.write("  Propose an entry without an account at /mitmachen/eintragen/")
