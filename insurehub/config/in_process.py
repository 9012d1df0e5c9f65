"""What a server process starts beside the application when nothing outside does it (called by asgi.py):

- the periodic work (CELERY_BEAT_SCHEDULE) when there is no broker, hence no Celery beat
  (TASKS_IN_PROCESS_SCHEDULER; the tasks go to the in-process executor of insurehub.core.tasks);
- in development only, the Daraja stand-in that MPESA_BASE_URL points at (MPESA_STANDIN), so M-Pesa
  payments work in the demo end to end.

Management commands and tests do not import asgi.py, so they start neither.
"""

from django.conf import settings

from insurehub.core.scheduler import start_scheduler
from insurehub.payments import daraja_standin


def start_in_process_services() -> None:
    if settings.TASKS_IN_PROCESS_SCHEDULER and not settings.CELERY_BROKER_URL:
        start_scheduler(settings.CELERY_BEAT_SCHEDULE)
    if settings.MPESA_STANDIN and settings.DJANGO_ENV == "development":
        daraja_standin.start_for_development(settings)
