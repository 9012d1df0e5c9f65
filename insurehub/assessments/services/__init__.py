"""Every write on assessments, one module per sub-domain: `lifecycle` (scheduling, edits, sections,
cancelling, completing), `estimates`, `total_loss`, `photos`; `editing` holds what they share (the
row lock, the open-and-editable check, the start of a scheduled assessment, the event). Each write
is one transaction that checks who may act, validates, records an audit entry and publishes
`assessment.updated` to the claim's staff. `from insurehub.assessments.services import X` names
every public service."""

from insurehub.assessments.services.estimates import estimate_accept, estimate_create, estimate_delete, estimate_update
from insurehub.assessments.services.lifecycle import (
    SCHEDULABLE_CLAIM_STATUSES,
    assessment_cancel,
    assessment_complete,
    assessment_create,
    assessment_update,
    section_update,
)
from insurehub.assessments.services.photos import (
    PHOTO_TYPES,
    PhotoUpload,
    photo_delete,
    photo_process,
    photo_update,
    photo_upload,
)
from insurehub.assessments.services.total_loss import total_loss_override

__all__ = [
    "PHOTO_TYPES",
    "SCHEDULABLE_CLAIM_STATUSES",
    "PhotoUpload",
    "assessment_cancel",
    "assessment_complete",
    "assessment_create",
    "assessment_update",
    "estimate_accept",
    "estimate_create",
    "estimate_delete",
    "estimate_update",
    "photo_delete",
    "photo_process",
    "photo_update",
    "photo_upload",
    "section_update",
    "total_loss_override",
]
