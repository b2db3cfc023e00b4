from mitmachkarte.core.periodic import PeriodicTasksCommand
from mitmachkarte.groups.tasks import extend_private_meeting_series, send_action_item_reminders


class Command(PeriodicTasksCommand):
    help = (
        "Enqueue the periodic working-group tasks: reminders for action items due within "
        "two days and the rolling window of members-only meeting series. Run it hourly."
    )
    tasks = (extend_private_meeting_series, send_action_item_reminders)
