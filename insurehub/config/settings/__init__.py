"""InsureHub settings: `insurehub.config.settings`, read from environment variables only (12-factor).

One settings module for every environment (DJANGO_ENV=development|test|production), split by concern
into the modules of this package; this one gathers them, in order, so DJANGO_SETTINGS_MODULE stays
`insurehub.config.settings` everywhere. docs/operations.md ("Settings") says what lives where.
"""

from .base import *  # noqa: F403
