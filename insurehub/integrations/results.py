"""What every provider call answers: a `ProviderResult`, never an exception.

A view or a task looks at `status`; the raw payload is kept for the record (VehicleCheck,
ClaimEnrichment) and `data` holds the normalised fields of our own vocabulary.
"""

from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import models


class ResultStatus(models.TextChoices):
    OK = "ok", "OK"
    NOT_FOUND = "not_found", "Not found at the provider"
    INVALID = "invalid", "The provider refused the input"
    NOT_CONFIGURED = "not_configured", "Provider not configured"
    UNAVAILABLE = "unavailable", "Provider unavailable (circuit open)"
    RATE_LIMITED = "rate_limited", "Rate limited"
    FAILED = "failed", "Failed"


# Answers worth keeping in the cache: the provider said something definite.
CACHEABLE = frozenset({ResultStatus.OK, ResultStatus.NOT_FOUND})
# Answers a background task should try again later.
RETRYABLE = frozenset({ResultStatus.UNAVAILABLE, ResultStatus.RATE_LIMITED, ResultStatus.FAILED})


@dataclass
class ProviderResult:
    provider: str
    status: str
    data: Any = None
    raw: Any = None
    error_code: str = ""
    error: str = ""
    http_status: int | None = None
    attempts: int = 0
    elapsed_ms: float = 0.0
    from_cache: bool = False
    retry_after: float | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == ResultStatus.OK

    @property
    def retryable(self) -> bool:
        return self.status in RETRYABLE

    def as_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> dict:
        """What an API answer shows (no raw payload)."""
        return {
            "provider": self.provider,
            "status": str(self.status),
            "data": self.data,
            "error_code": self.error_code,
            "error": self.error,
            "from_cache": self.from_cache,
            "retry_after": self.retry_after,
            "warnings": self.warnings,
        }
