from mitmachkarte.core.demo_command import DemoCommand
from mitmachkarte.moderation import demo
from mitmachkarte.organisations.demo import DEMO_PASSWORD


class Command(DemoCommand):
    help = (
        "Pending demo proposals (Bochum and elsewhere, one likely duplicate) and two open "
        "problem reports; prints the demo logins of every role (after load_demo; "
        "idempotent)."
    )

    def load(self, **options):
        return demo.load()

    def report(self, result):
        yield (
            f"Moderation demo: {result.proposals} pending proposals, "
            f"{result.reports} open problem reports at /moderation/"
        )
        yield f"Demo logins (password: {DEMO_PASSWORD}) at /konto/login/:"
        for login in result.logins:
            yield f"  {login.email:<26} {login.role} – {login.organisation}"
        yield "  Propose an entry without an account at /mitmachen/eintragen/"
