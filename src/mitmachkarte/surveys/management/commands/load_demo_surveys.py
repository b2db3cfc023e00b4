from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.surveys import demo


class Command(BaseCommand):
    help = (
        "Create a closed demo survey (copied from the programme's template) with a few "
        "hundred responses of demo initiatives (run after load_demo; idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, seed, **options):
        try:
            result = demo.load(count=count, seed=seed)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        survey = result["survey"]
        self.stdout.write(
            f"Survey “{survey.title_de}”: {result['created']} responses created; "
            f"results at /befragungen/{survey.slug}/ergebnisse/"
        )
