from mitmachkarte.core.demo_command import DemoCommand
from mitmachkarte.surveys import demo


class Command(DemoCommand):
    help = (
        "Create a closed demo survey (copied from the programme's template) with a few "
        "hundred responses of demo initiatives (run after load_demo; idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2026)

    def load(self, **options):
        return demo.load(count=options["count"], seed=options["seed"])

    def report(self, result):
        survey = result["survey"]
        yield (
            f"Survey “{survey.title_de}”: {result['created']} responses created; "
            f"results at /befragungen/{survey.slug}/ergebnisse/"
        )
