from celery import shared_task

from insurehub.intake.services import import_run as run
from insurehub.intake.services import imports_resume_stalled


@shared_task(name="insurehub.intake.tasks.import_run")
def import_run(import_id: str) -> dict | None:
    """The import job (idempotent: it processes the rows still pending; run again to resume)."""
    intake_import = run(import_id=import_id)
    return {"status": intake_import.status} if intake_import is not None else None


@shared_task(name="insurehub.intake.tasks.resume_stalled")
def resume_stalled() -> int:
    """Periodic: start the job again for imports left unfinished with no progress for a while."""
    return imports_resume_stalled()
