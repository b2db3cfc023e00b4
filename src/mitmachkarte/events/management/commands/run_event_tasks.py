from mitmachkarte.core.periodic import PeriodicTasksCommand
from mitmachkarte.events.tasks import extend_recurring_events, send_event_reminders


class Command(PeriodicTasksCommand):
    help = (
        "Enqueue the periodic event tasks: reminder mails for dates within the next 24 "
        "hours and the rolling window of recurring events. Run it hourly (cron/systemd)."
    )
    tasks = (extend_recurring_events, send_event_reminders)
