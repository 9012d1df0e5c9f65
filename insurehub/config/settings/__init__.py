"""InsureHub settings: `insurehub.config.settings`, read from environment variables only (12-factor).

One settings module for every environment (DJANGO_ENV=development|test|production), split by concern
into the modules of this package, each reading its variables through the typed reader (reader.py).
Each module imports what it builds on from the others (e.g. an app's module adds its periodic tasks to
tasks.CELERY_BEAT_SCHEDULE), so the order below does not matter; this module gathers them all, and
DJANGO_SETTINGS_MODULE stays `insurehub.config.settings` everywhere. docs/operations.md ("Settings")
says what lives where.
"""

from .api import *  # noqa: F403
from .assessments import *  # noqa: F403
from .base import *  # noqa: F403
from .cache_and_channels import *  # noqa: F403
from .claims import *  # noqa: F403
from .database import *  # noqa: F403
from .documents import *  # noqa: F403
from .intake import *  # noqa: F403
from .integrations import *  # noqa: F403
from .notifications import *  # noqa: F403
from .observability import *  # noqa: F403
from .payments import *  # noqa: F403
from .privacy_and_audit import *  # noqa: F403
from .realtime import *  # noqa: F403
from .security import *  # noqa: F403
from .static_files import *  # noqa: F403
from .tasks import *  # noqa: F403
