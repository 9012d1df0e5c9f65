"""Every write to claims, by sub-domain; `from insurehub.claims.services import X` names them all."""

from insurehub.claims.services.fnol import *  # noqa: F403
from insurehub.claims.services.fnol import _lock, _sla_due  # noqa: F401
