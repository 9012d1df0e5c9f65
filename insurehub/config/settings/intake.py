"""Bulk intake (issue 19 item 2): the limits of an incidents file, the job's batch size, the zone of
times written without one."""

from .api import SPECTACULAR_SETTINGS
from .reader import env
from .tasks import CELERY_BEAT_SCHEDULE

INTAKE_MAX_BYTES = env.int("INTAKE_MAX_BYTES", 5 * 1024 * 1024)
INTAKE_MAX_ROWS = env.int("INTAKE_MAX_ROWS", 20_000)
# An XLSX is a zip: the sum of its parts' uncompressed sizes is capped (a zip bomb is refused unread).
INTAKE_MAX_XLSX_EXPANDED_BYTES = env.int("INTAKE_MAX_XLSX_EXPANDED_BYTES", 100 * 1024 * 1024)
# Rows per transaction of the import job (each batch commits its claims and its rows' results together).
INTAKE_BATCH_ROWS = env.int("INTAKE_BATCH_ROWS", 200)
# An incident_date written without a zone ("2026-11-28 14:30") is read in this zone.
INTAKE_NAIVE_TIME_ZONE = env.str("INTAKE_NAIVE_TIME_ZONE", "Africa/Nairobi")

SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "ImportStatusEnum": "insurehub.intake.models.ImportStatus.choices",
        "IntakeRowStatusEnum": "insurehub.intake.models.RowStatus.choices",
        "DryRunRowStatusEnum": "insurehub.intake.models.DRY_RUN_STATUSES",
        "PartnerKindEnum": "insurehub.intake.models.PartnerKind.choices",
    }
)

# An import whose job stopped (a worker lost) is started again after this long without progress.
INTAKE_STALLED_MINUTES = env.int("INTAKE_STALLED_MINUTES", 10)
CELERY_BEAT_SCHEDULE["intake-resume-stalled"] = {
    "task": "insurehub.intake.tasks.resume_stalled",
    "schedule": 300.0,
}
