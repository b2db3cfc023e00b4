"""Background tasks (django-tasks): invitation and reminder mails of a survey.

The builder enqueues them; with the ImmediateBackend (default, demo, tests) they run at once.
"""

from django_tasks import task

from . import invitations
from .models import Survey


@task()
def send_survey_invitations(survey_id: int) -> int:
    survey = Survey.objects.filter(pk=survey_id).first()
    return invitations.send_invitations(survey=survey) if survey else 0


@task()
def send_survey_reminders(survey_id: int) -> int:
    survey = Survey.objects.filter(pk=survey_id).first()
    return invitations.send_reminders(survey=survey) if survey else 0
