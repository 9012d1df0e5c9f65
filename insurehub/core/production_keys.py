"""The rule that production does not run on weak or missing keys (a sibling of stand_ins.py).

With DJANGO_ENV=production every process stops at start-up (CoreConfig.ready) naming each problem,
and `manage.py check --deploy` reports the same wherever it runs:
- JWT_SIGNING_KEY shorter than 32 bytes, or the development default (when unset it falls back to
  SECRET_KEY, which is fine when SECRET_KEY is itself strong): anyone who guesses it mints tokens;
- FIELD_HASH_KEY or BACKUP_SIGNING_KEY unset: blind indexes keyed with nothing, unsigned backups;
- `testserver` in ALLOWED_HOSTS: the test client's host name has no place in production.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

__all__ = ["check_production_keys", "key_problems", "refuse_weak_keys_in_production"]

MIN_KEY_BYTES = 32
# Security review: the development values, which production refuses.
DEVELOPMENT_KEYS = frozenset({"insecure-development-key-never-use-in-production-0123456789"})  # nosec B105


def key_problems(config=settings) -> list[str]:
    problems = []
    signing_key = config.SIMPLE_JWT.get("SIGNING_KEY") or ""
    name = "JWT_SIGNING_KEY" if signing_key != config.SECRET_KEY else "JWT_SIGNING_KEY (SECRET_KEY, its fallback)"
    if signing_key in DEVELOPMENT_KEYS:
        problems.append(f"{name} is a development default")
    elif len(signing_key.encode()) < MIN_KEY_BYTES:
        problems.append(f"{name} is shorter than {MIN_KEY_BYTES} bytes")
    for variable in ("FIELD_HASH_KEY", "BACKUP_SIGNING_KEY"):
        if not getattr(config, variable, ""):
            problems.append(f"{variable} is not set")
    if "testserver" in [host.lower() for host in config.ALLOWED_HOSTS]:
        problems.append("ALLOWED_HOSTS holds testserver")
    return problems


def refuse_weak_keys_in_production() -> None:
    """Called at start-up (CoreConfig.ready): outside production it does nothing."""
    if settings.DJANGO_ENV != "production":
        return
    problems = key_problems()
    if problems:
        raise ImproperlyConfigured(f"Production refuses weak or missing keys: {'; '.join(problems)}.")


@register(Tags.security, deploy=True)
def check_production_keys(app_configs=None, **kwargs) -> list[Error]:
    return [
        Error(f"{problem}.", hint="Set it in the environment (docs/operations.md: Keys).", id="insurehub.E002")
        for problem in key_problems()
    ]
