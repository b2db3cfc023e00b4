from django.core.management.base import BaseCommand, CommandError

from mitmachkarte.support.mails import send_expiry_reminders


class Command(BaseCommand):
    help = (
        "Mail the members of an initiative once when one of its open needs expires within "
        "--days (default 7), with the link to renew it. Run daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be at least 1")
        self.stdout.write(f"Need reminders: {send_expiry_reminders(days=days)} mails sent")
