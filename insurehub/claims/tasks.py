from celery import shared_task

from insurehub.claims.services import claims_flag_periodic, claims_tag_for_event
from insurehub.core.tasks import enqueue

TAG_FOR_EVENT = "insurehub.claims.tasks.tag_claims_for_catastrophe"


@shared_task(name="insurehub.claims.tasks.flag_sla_and_stalled")
def flag_sla_and_stalled() -> dict:
    return claims_flag_periodic()


@shared_task(name=TAG_FOR_EVENT)
def tag_claims_for_catastrophe(event_id: str, after: str | None = None) -> dict:
    """Tag the claims already filed inside a catastrophe event's area and window, batch by batch;
    a run that stops with claims left hands them to a next run from where it stopped."""
    result = claims_tag_for_event(event_id=event_id, after=after)
    if result["after"] is not None:
        enqueue(tag_claims_for_catastrophe, event_id, result["after"])
    return result
