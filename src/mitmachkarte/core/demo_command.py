"""The shape of every `load_demo_*` command: load, then print what was created."""

from collections.abc import Iterable

from django.core.management.base import BaseCommand, CommandError


class DemoCommand(BaseCommand):
    """Runs `load(**options)`; a missing prerequisite (LookupError, e.g. "run load_demo
    first") becomes a CommandError; prints the lines of `report(result)`."""

    def load(self, **options):
        raise NotImplementedError

    def report(self, result) -> Iterable[str]:
        raise NotImplementedError

    def handle(self, *args, **options):
        try:
            result = self.load(**options)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        for line in self.report(result):
            self.stdout.write(line)
