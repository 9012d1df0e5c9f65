"""A catastrophe's day end to end (issue 19, "Done means"): a supervisor declares a flood over Kisumu,
the claims already filed there are tagged; a broker uploads 500 incidents in one file with its API
key and they become claims tagged to the event and assigned to its desk; the map answers them as
clusters; the event's figures count them, and each claim reached the staff's event stream (what the
event page refetches on). Runs on SQLite and, in CI's PostgreSQL run, on PostgreSQL."""

import io
from collections import Counter

import pytest
from django.test import TestCase, override_settings
from rest_framework.test import APIClient

from insurehub.claims.models import CatastropheTagging, Claim
from insurehub.claims.tests.test_catastrophes import INSIDE, OUTSIDE, _file
from insurehub.core.roles import Department, Role
from insurehub.core.testing import client_for
from insurehub.intake.tests.factories import incident_row, incidents_csv, partner_with_key
from insurehub.policies.tests.factories import PolicyFactory, PolicyTypeFactory
from insurehub.realtime.groups import department_group
from insurehub.realtime.models import OutboxEvent
from insurehub.users.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ROWS = 500
KISUMU_BOX = "34.5,-0.4,35.1,0.2"


@override_settings(INTEGRATIONS_ENRICH_CLAIMS=False)  # the providers' enrichment is not what is tested here
def test_flood_declared_existing_tagged_broker_file_becomes_the_desks_claims(actors):
    desk_agents = [UserFactory(role=Role.AGENT, department=Department.MOTOR) for _ in range(2)]
    desk_assessor = UserFactory(role=Role.ASSESSOR, department=Department.MOTOR, certification_level=3)
    already = [_file(actors["owner"], INSIDE) for _ in range(3)]
    elsewhere = _file(actors["owner"], OUTSIDE)

    # 1. The supervisor declares the flood; the job tags the claims already filed inside it.
    supervisor = client_for(actors["supervisor"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        declared = supervisor.post(
            "/api/catastrophes/",
            {
                "name": "Kisumu floods",
                "peril": "flood",
                "starts_at": "2020-01-01T00:00:00Z",
                "centre_latitude": "-0.091700",
                "centre_longitude": "34.768000",
                "radius_km": "25",
                "sla_hours": 48,
                "fast_track_limit": "50000.00",
                "desk": [str(user.pk) for user in [*desk_agents, desk_assessor]],
            },
            format="json",
        )
    assert declared.status_code == 201, declared.content[:500]
    event_id = declared.json()["id"]
    assert set(Claim.objects.filter(catastrophe_id=event_id).values_list("pk", flat=True)) == {c.pk for c in already}
    assert Claim.objects.get(pk=elsewhere.pk).catastrophe_id is None

    # 2. A broker uploads 500 incidents on the policies it placed, with its API key.
    policy_type = PolicyTypeFactory()
    policies = [PolicyFactory(policy_type=policy_type) for _ in range(ROWS)]
    _, _, key = partner_with_key(admin=actors["admin"], policies=policies, name="Lakeside Brokers", kind="broker")
    broker = APIClient()
    broker.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    rows = [incident_row(policy, external_reference=f"LB-{n:04d}") for n, policy in enumerate(policies)]
    upload = incidents_csv(rows)
    with TestCase.captureOnCommitCallbacks(execute=True):
        started = broker.post(
            "/api/intake/imports/",
            {"file": _named(upload, "lakeside-floods.csv"), "dry_run": "false"},
            format="multipart",
        )
    assert started.status_code == 202, started.content[:500]
    report = broker.get(f"/api/intake/imports/{started.json()['id']}/").json()
    assert (report["status"], report["created_count"], report["refused_count"]) == ("finished", ROWS, 0)

    filed = Claim.objects.filter(policy__in=policies)
    assert filed.count() == ROWS
    assert {str(pk) for pk in filed.values_list("catastrophe_id", flat=True)} == {event_id}
    assert set(filed.values_list("catastrophe_tagging", flat=True)) == {CatastropheTagging.AUTO}
    # Assigned to the event's desk, shared out by load (the fast track takes those below the limit).
    load = Counter(filed.values_list("assigned_agent_id", flat=True))
    assert set(load) == {user.pk for user in desk_agents}
    assert max(load.values()) - min(load.values()) <= 1

    # The same file again creates nothing new.
    with TestCase.captureOnCommitCallbacks(execute=True):
        again = broker.post(
            "/api/intake/imports/", {"file": _named(upload, "again.csv"), "dry_run": "false"}, format="multipart"
        )
    assert again.status_code == 200 and again.json()["replayed"]
    assert Claim.objects.filter(policy__in=policies).count() == ROWS

    # 3. The map answers the event's area as clusters (more claims than points are drawn).
    geo = supervisor.get("/api/claims/geo/", {"bbox": KISUMU_BOX})
    assert geo.status_code == 200, geo.content[:500]
    body = geo.json()
    assert body["mode"] == "clusters" and body["total"] == ROWS + len(already)
    assert sum(cluster["count"] for cluster in body["clusters"]) == ROWS + len(already)

    # 4. The event's figures count them; every new claim went out on the staff's stream.
    figures = supervisor.get(f"/api/catastrophes/{event_id}/figures/").json()
    assert figures["claims"] == ROWS + len(already) and figures["open"] == ROWS + len(already)
    created = OutboxEvent.objects.filter(
        type="claim.created", data__claim_id__in=[str(pk) for pk in filed.values_list("pk", flat=True)]
    )
    assert created.count() == ROWS
    assert all(department_group(Department.MOTOR) in event.audience for event in created)


def _named(content: bytes, name: str):
    upload = io.BytesIO(content)
    upload.name = name
    return upload
