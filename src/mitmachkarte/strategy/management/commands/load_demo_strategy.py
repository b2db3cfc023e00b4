from mitmachkarte.core.demo_command import DemoCommand
from mitmachkarte.strategy import demo


class Command(DemoCommand):
    help = (
        "Add invented demo strategies (thematic fields, goals, measures, indicators with "
        "values 2020–2026, confirmed contributions) for Bochum, Köln and Dortmund (run after "
        "load_demo, load_demo_events and load_demo_groups; idempotent)."
    )

    def load(self, **options):
        return demo.load()

    def report(self, result):
        for city, counts in result.items():
            yield (
                f"Demo strategy {city}: {counts['nodes']} new nodes, {counts['values']} values, "
                f"{counts['contributions']} contributions"
            )
