"""Production refuses weak or missing keys: a short or development JWT signing key, an unset
FIELD_HASH_KEY or BACKUP_SIGNING_KEY, testserver among the allowed hosts. The rule, the
`check --deploy` report and the start-up refusal in a real process."""

import secrets
from types import SimpleNamespace

import pytest

from insurehub.core.production_keys import check_production_keys, key_problems
from insurehub.core.tests.test_stand_ins import PRODUCTION, SETUP, _run

STRONG = secrets.token_urlsafe(48)


def config(**changes) -> SimpleNamespace:
    values = {
        "SECRET_KEY": STRONG,
        "JWT_SIGNING_KEY": None,
        "FIELD_HASH_KEY": "a-hash-key",
        "BACKUP_SIGNING_KEY": "a-backup-key",
        "ALLOWED_HOSTS": ["api.insurehub.co.ke"],
        **changes,
    }
    values["SIMPLE_JWT"] = {"SIGNING_KEY": values.pop("JWT_SIGNING_KEY") or values["SECRET_KEY"]}
    return SimpleNamespace(**values)


def test_strong_keys_pass_and_the_jwt_key_may_fall_back_to_a_strong_secret_key():
    assert key_problems(config()) == []
    assert key_problems(config(JWT_SIGNING_KEY=secrets.token_urlsafe(40))) == []


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"JWT_SIGNING_KEY": "short-key"}, "JWT_SIGNING_KEY is shorter than 32 bytes"),
        ({"SECRET_KEY": "short-secret"}, "JWT_SIGNING_KEY (SECRET_KEY, its fallback) is shorter"),
        (
            {"JWT_SIGNING_KEY": "insecure-development-key-never-use-in-production-0123456789"},
            "JWT_SIGNING_KEY is a development default",
        ),
        ({"FIELD_HASH_KEY": ""}, "FIELD_HASH_KEY is not set"),
        ({"BACKUP_SIGNING_KEY": ""}, "BACKUP_SIGNING_KEY is not set"),
        ({"ALLOWED_HOSTS": ["api.insurehub.co.ke", "TestServer"]}, "ALLOWED_HOSTS holds testserver"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_each_problem_is_named(changes, named):
    problems = key_problems(config(**changes))
    assert len(problems) == 1 and problems[0].startswith(named), problems


def test_check_deploy_reports_them(settings):
    settings.FIELD_HASH_KEY = ""
    settings.ALLOWED_HOSTS = ["testserver"]
    found = check_production_keys()
    assert {e.id for e in found} == {"insurehub.E002"}
    assert len(found) >= 2


KEYS = {"FIELD_HASH_KEY": "a-hash-key", "BACKUP_SIGNING_KEY": "a-backup-key"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"JWT_SIGNING_KEY": "too-short"}, "JWT_SIGNING_KEY is shorter than 32 bytes"),
        ({"FIELD_HASH_KEY": ""}, "FIELD_HASH_KEY is not set"),
        ({"BACKUP_SIGNING_KEY": ""}, "BACKUP_SIGNING_KEY is not set"),
        ({"ALLOWED_HOSTS": "api.insurehub.co.ke,testserver"}, "ALLOWED_HOSTS holds testserver"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_production_process_with_a_weak_key_refuses_to_start(changes, named):
    result = _run(SETUP, **{**PRODUCTION, **KEYS, **changes})
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: Production refuses weak or missing keys")
    assert named in last_line


@pytest.mark.slow
def test_a_production_process_with_strong_keys_starts():
    result = _run(SETUP, **PRODUCTION, **KEYS)
    assert result.returncode == 0, result.stderr
