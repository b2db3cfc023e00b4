from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.organisations import demo


class Command(BaseCommand):
    help = (
        "Create one demo account per role: network team, municipal moderator for Bochum, "
        "initiative editor (run after load_demo; idempotent)."
    )

    def handle(self, *args, **options):
        try:
            logins = demo.load()
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Demo logins (password: {demo.DEMO_PASSWORD}):")
        for login in logins:
            self.stdout.write(f"  {login.email:<26} {login.role} – {login.organisation}")
