"""Claims: authority and reserve limits, SLAs, flags, the dashboard's cache."""

from .api import SPECTACULAR_SETTINGS
from .base import TESTING
from .reader import env
from .tasks import CELERY_BEAT_SCHEDULE

# Authority limits (KES) for approving amounts and paying settlements, by role; above them a
# supervisor (or admin) must approve: maker-checker. JSON object, e.g. {"agent": "200000"}.
CLAIM_AUTHORITY_LIMITS = {
    "agent": env.str("CLAIM_LIMIT_AGENT", "200000"),
    "assessor": env.str("CLAIM_LIMIT_ASSESSOR", "0"),
    "supervisor": env.str("CLAIM_LIMIT_SUPERVISOR", "2000000"),
    "admin": env.str("CLAIM_LIMIT_ADMIN", "100000000"),
}
# Reserve-setting authority (KES per cost type), by role.
CLAIM_RESERVE_LIMITS = {
    "agent": env.str("CLAIM_RESERVE_LIMIT_AGENT", "500000"),
    "assessor": env.str("CLAIM_RESERVE_LIMIT_ASSESSOR", "300000"),
    "supervisor": env.str("CLAIM_RESERVE_LIMIT_SUPERVISOR", "5000000"),
    "admin": env.str("CLAIM_RESERVE_LIMIT_ADMIN", "100000000"),
}
CLAIM_SLA_HOURS = {"urgent": 24, "high": 72, "normal": 168, "low": 336}
CLAIM_HIGH_VALUE = env.str("CLAIM_HIGH_VALUE", "500000")
CLAIM_LOW_VALUE = env.str("CLAIM_LOW_VALUE", "20000")
CLAIM_DUPLICATE_WINDOW_DAYS = env.int("CLAIM_DUPLICATE_WINDOW_DAYS", 7)
CLAIM_EARLY_DAYS = env.int("CLAIM_EARLY_DAYS", 30)
CLAIM_STALLED_DAYS = env.int("CLAIM_STALLED_DAYS", 10)
# seed_demo's year of claims history (the dashboard's trends); tests seed their own, smaller.
DEMO_HISTORY_CLAIMS = env.int("DEMO_HISTORY_CLAIMS", 0 if TESTING else 300)
DASHBOARD_CACHE_SECONDS = env.int("DASHBOARD_CACHE_SECONDS", 0 if TESTING else 15)
CELERY_BEAT_SCHEDULE["claims-flag-sla-and-stalled"] = {
    "task": "insurehub.claims.tasks.flag_sla_and_stalled",
    "schedule": 600.0,
}
# The kinds of document staff ask a customer for (a subset of the documents app's kinds), and the
# customer's answer to a settlement offer: named enums in the OpenAPI schema.
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "DocumentKindAskedEnum": "insurehub.claims.models.DocumentKindAsked.choices",
        "SettlementDecisionEnum": "insurehub.claims.models.SettlementDecision.choices",
        "BulkOutcomeEnum": "insurehub.claims.services.bulk.OUTCOMES",
    }
)
