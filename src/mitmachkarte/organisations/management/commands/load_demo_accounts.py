from mitmachkarte.core.demo_command import DemoCommand
from mitmachkarte.organisations import demo


class Command(DemoCommand):
    help = (
        "Create one demo account per role: network team, municipal moderator for Bochum, "
        "initiative editor (run after load_demo; idempotent)."
    )

    def load(self, **options):
        return demo.load()

    def report(self, result):
        yield f"Demo logins (password: {demo.DEMO_PASSWORD}):"
        for login in result:
            yield f"  {login.email:<26} {login.role} – {login.organisation}"
