"""Logging: structured JSON lines with the request context."""

from .base import TESTING
from .reader import env

LOG_LEVEL = env.str("LOG_LEVEL", "WARNING" if TESTING else "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "insurehub.core.logging.RequestContextFilter"}},
    "formatters": {"json": {"()": "insurehub.core.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_context"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "uvicorn.access": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}
# ACCESS_LOG=0 (scripts/serve.sh, the benches): no line per request, neither uvicorn's nor ours
# (uvicorn's --no-access-log alone is undone by this configuration, applied after uvicorn's).
ACCESS_LOG = env.bool("ACCESS_LOG", True)
if not ACCESS_LOG:
    for _name in ("uvicorn.access", "insurehub.access"):
        LOGGING["loggers"][_name] = {"handlers": ["console"], "level": "WARNING", "propagate": False}
