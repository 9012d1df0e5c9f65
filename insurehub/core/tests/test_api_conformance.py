"""The API answers as its OpenAPI schema says: Schemathesis over every operation of the schema, as the demo
agent and as the demo customer, with no server error and no answer outside its schema allowed.

- In-process: the WSGI application, called by Schemathesis's WSGI transport (no server, no port).
- The demo data (seed_demo) is made once per module in a transaction rolled back at the end; each operation's
  examples run in a transaction of their own, so a DELETE or a sign-out touches only that operation's run.
- A path parameter naming an object (claim_id, assessment_id, ...) is filled with an object of the demo data
  the caller may see, so operations answer about real claims, assessments and payments instead of 404;
  the others are generated from the schema.
- Operations that take an `Idempotency-Key` get a new key per example (a repeated generated key would only
  replay the first answer); a negative example without a valid key is sent as generated.
- Outside providers are the stand-ins (Daraja, DVLA, vehicle history, vPIC, Open-Meteo, Nominatim) on
  127.0.0.1; the card provider is the sandbox.
- Bounded and repeatable: a fixed seed, the schema's examples, the coverage phase and at most
  SCHEMATHESIS_MAX_EXAMPLES (default 10) generated examples per operation and role.
"""

import io
import json
import os
import types
import uuid
from contextlib import ExitStack

import pytest
import schemathesis
import werkzeug
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test.utils import override_settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as hypothesis_strategies
from rest_framework_simplejwt.tokens import AccessToken
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance

from insurehub.assessments.selectors import assessments_visible_to
from insurehub.catastrophes.selectors import catastrophes_visible_to
from insurehub.claims.models import ClaimSettlement
from insurehub.claims.selectors import claims_visible_to
from insurehub.dashboard.selectors import alerts_visible_to
from insurehub.documents.resumable import upload_create
from insurehub.documents.selectors import documents_visible_to
from insurehub.integrations.selectors import vehicle_checks_visible_to
from insurehub.integrations.tests.servers import (
    DvlaStandIn,
    NominatimStandIn,
    OpenMeteoStandIn,
    VehicleHistoryStandIn,
    VpicStandIn,
)
from insurehub.notifications.selectors import notifications_for
from insurehub.payments.daraja_standin import daraja_standin
from insurehub.payments.selectors import refunds_visible_to, schedules_visible_to, transactions_visible_to
from insurehub.policies.models import InsuranceCompany, PolicyCategory, PolicyType
from insurehub.policies.selectors import policies_visible_to
from insurehub.privacy.selectors import privacy_requests_visible_to
from insurehub.users.models import User

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "10"))
SEED = 20261129

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": SEED,
        "generation": {"max-examples": MAX_EXAMPLES, "database": "none"},
        "phases": {
            "examples": {"enabled": True},
            # Valid boundary values only: the negative half of the coverage phase (every way each parameter
            # can be invalid) took four times as long; the fuzzing phase sends invalid data too.
            "coverage": {"enabled": True, "generation": {"mode": "positive"}},
            "fuzzing": {"enabled": True},
        },
    }
)

# A resumable upload's chunk (PATCH /api/documents/uploads/{id}/) is raw bytes of its own media type.
schemathesis.openapi.media_type("application/offset+octet-stream", hypothesis_strategies.binary(max_size=4096))

# The schema as /api/schema/ serves it (the same generator), read when the module is collected.
SCHEMA = schemathesis.openapi.from_dict(
    json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True))),
    config=CONFIG,
)

ROLES = {"agent": "agent@insurehub.test", "customer": "customer@insurehub.test"}


def _pk(obj) -> str | None:
    return None if obj is None else str(obj.pk)


def _known_objects(user) -> dict[str, str]:
    """One object per path parameter that `user` may see, from the demo data, consistent with each other
    (the estimates and photos of the assessment, the assessment of the claim, the vehicle of the policy)."""
    assessments = assessments_visible_to(user).order_by("created_at")
    assessment = (
        assessments.filter(estimates__isnull=False, photos__isnull=False).first()
        or assessments.filter(estimates__isnull=False).first()
        or assessments.first()
    )
    claim = assessment.claim if assessment else claims_visible_to(user).order_by("created_at").first()
    policy = policies_visible_to(user).filter(vehicle__isnull=False).order_by("created_at").first()
    check = vehicle_checks_visible_to(user).first()
    known = {
        "assessment_id": _pk(assessment),
        "estimate_id": _pk(assessment.estimates.order_by("created_at").first()) if assessment else None,
        "photo_id": _pk(assessment.photos.order_by("created_at").first()) if assessment else None,
        "claim_id": _pk(claim),
        "policy_id": _pk(policy),
        "vehicle_id": _pk(check.vehicle if check else (policy.vehicle if policy else None)),
        "check_id": _pk(check),
        "document_id": _pk(documents_visible_to(user).order_by("created_at").first()),
        "transaction_id": _pk(transactions_visible_to(user).order_by("created_at").first()),
        "schedule_id": _pk(schedules_visible_to(user).first()),
        "refund_id": _pk(refunds_visible_to(user).first()),
        "notification_id": _pk(notifications_for(user).first()),
        "alert_id": _pk(alerts_visible_to(user).first()),
        "event_id": _pk(catastrophes_visible_to(user).first()),
        "request_id": _pk(privacy_requests_visible_to(user).first()),
        "user_id": _pk(user),
        "company_id": _pk(InsuranceCompany.objects.order_by("name").first()),
        "type_id": _pk(PolicyType.objects.filter(reviews__isnull=False).first() or PolicyType.objects.first()),
        "slug": (PolicyCategory.objects.order_by("position").values_list("slug", flat=True).first()),
    }
    return {name: value for name, value in known.items() if value is not None}


# Body fields that name an object, and the path parameter whose object they take.
BODY_OBJECTS = {
    "claim": "claim_id",
    "policy": "policy_id",
    "vehicle": "vehicle_id",
    "document": "document_id",
    "transaction": "transaction_id",
    "policy_type": "type_id",
}


def _use_known_objects(case, known: dict[str, str]) -> None:
    """Point the case's path parameters, and the ids a JSON or form body names, at objects the caller may
    see; generated values of another type are left as they are (they test the validation)."""
    for name in case.path_parameters or {}:
        if name in known:
            case.path_parameters[name] = known[name]
    if isinstance(case.body, dict):
        for field, parameter in BODY_OBJECTS.items():
            if isinstance(case.body.get(field), str) and parameter in known:
                case.body[field] = known[parameter]


def _settlement_claim(user) -> dict[str, str]:
    """Paths with a settlement_id name its claim too."""
    settlement = ClaimSettlement.objects.filter(claim__in=claims_visible_to(user)).first()
    return {"settlement_id": str(settlement.pk), "claim_id": str(settlement.claim_id)} if settlement else {}


def _fresh_idempotency_key(case) -> dict[str, str]:
    """Each example is a user action of its own: a valid generated Idempotency-Key (money-moving writes require
    one) is replaced by a new one, since generated keys repeat across examples and a repeat would only replay
    the first answer (or be refused, 422, for another body) instead of running the operation. A missing or
    invalid key (a negative case) is sent as generated: the answer is the documented 400."""
    key = (case.headers or {}).get("Idempotency-Key")
    if isinstance(key, str) and key.strip() and len(key) <= 128:
        return {"Idempotency-Key": uuid.uuid4().hex}
    return {}


@pytest.fixture(scope="module")
def providers():
    """The outside providers' stand-ins, for the whole module."""
    with ExitStack() as stack:
        dvla = stack.enter_context(DvlaStandIn())
        history = stack.enter_context(VehicleHistoryStandIn())
        vpic = stack.enter_context(VpicStandIn())
        meteo = stack.enter_context(OpenMeteoStandIn())
        nominatim = stack.enter_context(NominatimStandIn())
        mpesa = types.SimpleNamespace()
        stack.enter_context(daraja_standin(mpesa))
        values = {
            **vars(mpesa),
            "CARD_PROVIDER": "sandbox",
            "DVLA_VES_BASE_URL": dvla.url,
            "DVLA_VES_API_KEY": dvla.api_key,
            "VEHICLE_HISTORY_BASE_URL": history.url,
            "VEHICLE_HISTORY_API_KEY": history.api_key,
            "VPIC_BASE_URL": vpic.url,
            "OPEN_METEO_ARCHIVE_BASE_URL": meteo.url,
            "OPEN_METEO_FORECAST_BASE_URL": meteo.url,
            "NOMINATIM_BASE_URL": nominatim.url,
            "INTEGRATIONS_RETRIES": 0,
            "INTEGRATIONS_RATE_LIMIT_MAX_WAIT_SECONDS": 0,
        }
        stack.enter_context(override_settings(**values))
        yield


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


def _open_upload(user, claim_id) -> str | None:
    """An open resumable upload of the user's on a claim they may see (the demo data has none)."""
    if not claim_id:
        return None
    claim = claims_visible_to(user).get(pk=claim_id)
    upload, _ = upload_create(owner=user, claim=claim, kind="other", filename="scan.pdf", size=4096, sha256="0" * 64)
    return str(upload.pk)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, providers, demo_media):
    """The demo data, and per role: the demo user and the objects it may see."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        world = {}
        for role, email in ROLES.items():
            user = User.objects.get(email=email)
            objects = _known_objects(user)
            world[role] = {
                "user": user,
                "objects": {**objects, "upload_id": _open_upload(user, objects.get("claim_id"))},
                "settlement": _settlement_claim(user),
            }
        yield world
        transaction.set_rollback(True)


class ClosingClient(werkzeug.Client):
    """Werkzeug's test client, closing each answer as a WSGI server does (Django then closes the request's
    files: unclosed, an upload's temporary file, moved into storage, was left to a failing finalizer)."""

    def open(self, *args, **kwargs):
        kwargs["buffered"] = True
        return super().open(*args, **kwargs)


@pytest.fixture(scope="module")
def app(demo):
    """The WSGI application, keeping the test's database connection across requests (as Django's test
    client does: a request's start and end would close a connection inside a transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.slow
@pytest.mark.parametrize("role", list(ROLES))
@SCHEMA.parametrize()
@hypothesis_settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_the_api_answers_as_its_schema_says(case, role, demo, app, db, settings, demo_media):
    settings.MEDIA_ROOT = demo_media  # the demo's files (conftest gives each test an empty folder)
    settings.DOCUMENTS_UPLOADS_PARTIAL_DIR = demo_media / "partial-uploads"
    caller = demo[role]
    token = AccessToken.for_user(caller["user"])  # fresh: a slow run must not outlive a 15-minute token
    known = caller["objects"]
    if "settlement_id" in (case.path_parameters or {}):
        known = {**known, **caller["settlement"]}
    _use_known_objects(case, known)
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}", **_fresh_idempotency_key(case)},
        app=app,
        session=ClosingClient(app),  # a new one per call: no cookie carried from one example to the next
        checks=[not_a_server_error, response_schema_conformance],
    )
