"""Assessments: total loss, estimate comparison, photos."""

from .api import SPECTACULAR_SETTINGS
from .reader import env
from .tasks import CELERY_BEAT_SCHEDULE

# Total loss is recommended when the accepted estimate reaches this share of the vehicle's value.
ASSESSMENTS_TOTAL_LOSS_SHARE = env.str("ASSESSMENTS_TOTAL_LOSS_SHARE", "0.70")
# Estimate comparison: a line whose amount differs from the baseline by more than this percentage is flagged.
ASSESSMENTS_VARIANCE_THRESHOLD_PERCENT = env.str("ASSESSMENTS_VARIANCE_THRESHOLD_PERCENT", "15")
# Photos go through the documents app's image pipeline (its DOCUMENTS_* image settings below).
ASSESSMENTS_PHOTO_MAX_BYTES = env.int("ASSESSMENTS_PHOTO_MAX_BYTES", 15 * 1024 * 1024)
ASSESSMENTS_PHOTOS_PER_UPLOAD = env.int("ASSESSMENTS_PHOTOS_PER_UPLOAD", 20)
CELERY_BEAT_SCHEDULE["assessments-process-scanned-photos"] = {
    "task": "insurehub.assessments.tasks.photos_process_scanned",
    "schedule": 300.0,
}
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "AssessmentStatusEnum": "insurehub.assessments.models.AssessmentStatus.choices",
        "AssessmentSectionKindEnum": "insurehub.assessments.models.SectionKind.choices",
        "AssessmentPhotoStatusEnum": "insurehub.assessments.models.PhotoStatus.choices",
        "EstimateSourceEnum": "insurehub.assessments.models.EstimateSource.choices",
        "EstimateStatusEnum": "insurehub.assessments.models.EstimateStatus.choices",
        "EstimateLineKindEnum": "insurehub.assessments.models.LineKind.choices",
        "AssessmentBlockerCodeEnum": "insurehub.assessments.completion.BLOCKER_CODES",
        "EstimateComparisonFlagEnum": "insurehub.assessments.estimating.COMPARISON_FLAGS",
    }
)
