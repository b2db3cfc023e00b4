from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.surveys.invitations import remind_before_closing


class Command(BaseCommand):
    help = (
        "Send one reminder to invited organisations that have not answered, when their "
        "survey closes within --days (default 7). Run daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be at least 1")
        sent = remind_before_closing(days=days)
        self.stdout.write(f"Survey reminders: {sent} sent")
