"""Bulk intake (issue 19 item 2): files of incidents become claims through the FNOL service."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.test import TestCase, override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from insurehub.audit.models import AuditEvent
from insurehub.claims.models import Claim
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.intake import services
from insurehub.intake.models import ImportStatus, IntakeImport, IntakeRow, RowStatus
from insurehub.intake.permissions import Caller
from insurehub.intake.tests.factories import incident_row, incidents_csv, partner_with_key
from insurehub.policies.tests.factories import PolicyFactory, PolicyTypeFactory
from insurehub.realtime.models import OutboxEvent

pytestmark = pytest.mark.django_db
URL = "/api/intake/imports/"


def _policies(n: int, customer=None):
    policy_type = PolicyTypeFactory()
    if customer is not None:
        return [PolicyFactory(policy_type=policy_type, customer=customer) for _ in range(n)]
    return [PolicyFactory(policy_type=policy_type) for _ in range(n)]


def _upload(client, content: bytes, *, dry_run: bool = False, name: str = "incidents.csv"):
    """POST the file; the job (eager under tests) runs when the request's transaction commits."""
    upload = io.BytesIO(content)
    upload.name = name
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(URL, {"file": upload, "dry_run": "true" if dry_run else "false"}, format="multipart")


def _key_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return client


@pytest.mark.slow
@override_settings(INTEGRATIONS_ENRICH_CLAIMS=False)  # the providers' enrichment is not what is tested here
def test_500_rows_become_claims_with_a_report_and_progress(actors):
    policies = _policies(500)
    client = client_for(actors["supervisor"])
    response = _upload(client, incidents_csv([incident_row(p) for p in policies]))
    assert response.status_code == 202, response.content[:500]
    body = response.json()
    intake_import = IntakeImport.objects.get(pk=body["id"])  # the eager job has run after the commit
    assert intake_import.status == ImportStatus.FINISHED
    assert (intake_import.total_rows, intake_import.created_count, intake_import.refused_count) == (500, 500, 0)
    assert Claim.objects.filter(policy__in=policies).count() == 500
    detail = client.get(f"{URL}{body['id']}/").json()
    assert detail["created_count"] == 500 and detail["processed_rows"] == 500
    rows = client.get(f"{URL}{body['id']}/rows/", {"page_size": 200}).json()
    assert rows["count"] == 500 and rows["results"][0]["claim_number"].startswith("CLM-")
    report = b"".join(client.get(f"{URL}{body['id']}/report.csv").streaming_content).decode("utf-8-sig")
    lines = report.strip().splitlines()
    assert lines[0].startswith("line,status,claim_number") and len(lines) == 501
    progress = OutboxEvent.objects.filter(type="intake.progress", data__import_id=body["id"])
    assert progress.count() == 3  # batches of 200
    finished = OutboxEvent.objects.get(type="intake.finished", data__import_id=body["id"])
    assert finished.data["created"] == 500
    assert f"user.{actors['supervisor'].pk}" in finished.audience
    assert AuditEvent.objects.filter(action="intake.row_imported").count() == 500
    assert AuditEvent.objects.filter(action="intake.import_finished", object_id=body["id"]).exists()


def test_dry_run_writes_nothing_and_reports_each_row(actors):
    good, closed = _policies(2)
    closed.status = "cancelled"
    closed.save()
    rows = [
        incident_row(good),
        incident_row(good, minutes=5),  # same vehicle, hours apart: a duplicate within the file
        incident_row(closed),
        incident_row(good, registration="KZZ999Z", external_reference="X-9"),
        incident_row(good, incident_date=(timezone.now() + timedelta(days=2)).isoformat()),
        incident_row(good, incident_date=(timezone.now() - timedelta(days=400)).isoformat()),
        incident_row(good, policy_number="POL-1999-000001"),
    ]
    before = (Claim.objects.count(), IntakeImport.objects.count(), AuditEvent.objects.count())
    response = _upload(client_for(actors["supervisor"]), incidents_csv(rows), dry_run=True)
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    assert (body["total"], body["valid"], body["refused"]) == (7, 1, 6)
    codes = [r["errors"][0]["code"] if r["errors"] else r["status"] for r in body["rows"]]
    assert codes == [
        "valid",
        "possible_duplicate",
        "policy_not_active",
        "vehicle_not_on_policy",
        "incident_in_future",
        "incident_outside_cover",
        "policy_not_found",
    ]
    assert [r["number"] for r in body["rows"]] == [2, 3, 4, 5, 6, 7, 8]
    assert (Claim.objects.count(), IntakeImport.objects.count(), AuditEvent.objects.count()) == before


def test_the_same_file_or_row_twice_creates_nothing_new(actors):
    policies = _policies(3)
    client = client_for(actors["supervisor"])
    rows = [incident_row(p) for p in policies]
    first = _upload(client, incidents_csv(rows))
    assert first.status_code == 202
    again = _upload(client, incidents_csv(rows))
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"] and again.json()["replayed"]
    # The same rows in another file (one more line, other order): the old rows are replayed.
    extra = _policies(1)[0]
    other = _upload(client, incidents_csv([incident_row(extra), *reversed(rows)]))
    assert other.status_code == 202
    later = IntakeImport.objects.get(pk=other.json()["id"])
    assert (later.created_count, later.replayed_count) == (1, 3)
    replayed = later.rows.filter(status=RowStatus.REPLAYED).values_list("claim_number", flat=True)
    assert set(replayed) == set(
        IntakeRow.objects.filter(intake_import_id=first.json()["id"]).values_list("claim_number", flat=True)
    )
    assert Claim.objects.count() == 4
    dry = _upload(client, incidents_csv(rows), dry_run=True).json()
    assert dry["replayed"] == 3 and dry["valid"] == 0


@override_settings(INTAKE_BATCH_ROWS=2)
def test_an_interrupted_job_resumes_where_it_stopped(actors, monkeypatch):
    policies = _policies(5)
    supervisor = actors["supervisor"]
    real = services.claim_create
    calls = {"n": 0}

    def failing(**kwargs):
        calls["n"] += 1
        if calls["n"] == 4:  # the worker dies in the second batch
            raise RuntimeError("worker lost")
        return real(**kwargs)

    monkeypatch.setattr(services, "enqueue_on_commit", lambda *a, **k: None)  # the job runs by hand below
    started = services.import_start(
        caller=Caller(user=supervisor), content=incidents_csv([incident_row(p) for p in policies]), filename="x.csv"
    )
    intake_import = started.intake_import
    monkeypatch.setattr(services, "claim_create", failing)
    with pytest.raises(RuntimeError):
        services.import_run(import_id=intake_import.pk)
    intake_import.refresh_from_db()
    assert intake_import.status == ImportStatus.RUNNING
    assert (intake_import.processed_rows, intake_import.created_count) == (2, 2)  # the first batch stays
    assert Claim.objects.count() == 2
    monkeypatch.setattr(services, "claim_create", real)
    monkeypatch.undo()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client_for(supervisor).post(f"{URL}{intake_import.pk}/resume/")
    assert response.status_code == 202, response.content
    intake_import.refresh_from_db()
    assert intake_import.status == ImportStatus.FINISHED and intake_import.created_count == 5
    assert Claim.objects.count() == 5
    assert_problem(client_for(supervisor).post(f"{URL}{intake_import.pk}/resume/"), 409)


def test_formula_injection_is_refused_per_row_and_neutralised_in_the_report(actors):
    policy, other = _policies(2)
    rows = [
        incident_row(policy, description='=cmd|" /C calc"!A0'),
        incident_row(other, latitude="-1.292066", longitude="36.821946", external_reference="@SUM(A1)"),
    ]
    client = client_for(actors["supervisor"])
    dry = _upload(client, incidents_csv(rows), dry_run=True).json()
    assert [r["status"] for r in dry["rows"]] == ["refused", "refused"]
    assert dry["rows"][0]["errors"][0] == {
        "field": "description",
        "message": dry["rows"][0]["errors"][0]["message"],
        "code": "formula_injection",
    }
    assert [e["field"] for e in dry["rows"][1]["errors"]] == ["external_reference"]  # negative numbers pass
    started = _upload(client, incidents_csv(rows)).json()
    report = b"".join(client.get(f"{URL}{started['id']}/report.csv").streaming_content).decode("utf-8-sig")
    assert ",'@SUM(A1)," in report
    assert Claim.objects.count() == 0


def _xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_an_xlsx_file_is_read_by_content_with_formulas_refused(actors):
    policy, other = _policies(2)
    at = (timezone.now() - timedelta(days=1)).replace(tzinfo=None, microsecond=0)
    content = _xlsx(
        [
            ["Policy_Number", "registration", "incident_date", "description", "estimated_amount"],
            [policy.policy_number, policy.vehicle.registration, at, "Hail damage to the roof.", 42000],
            [other.policy_number, other.vehicle.registration, at, '=HYPERLINK("http://x")', 1],
        ]
    )
    body = _upload(client_for(actors["supervisor"]), content, dry_run=True, name="incidents.csv").json()
    assert body["file_format"] == "xlsx"
    assert [r["status"] for r in body["rows"]] == ["valid", "refused"]
    assert body["rows"][1]["errors"][0]["code"] == "formula_injection"


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 415, "unsupported_type"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 415, "unsupported_type"),
        (b"", 400, "empty_file"),
        (b"policy_number,registration,incident_date,desc\nPOL-1,KDA,2026-01-01 10:00,x\n", 400, "wrong_columns"),
        (b"policy_number,registration,incident_date\n", 400, "wrong_columns"),
        (
            "policy_number,registration,incident_date,description\nP,R,2026-01-01 10:00,Caf\u00e9\n".encode()
            + b"P,R,2026-01-01 10:00,Caf\xe9\n",
            400,
            "mixed_encoding",
        ),
    ],
)
def test_bad_files_are_clear_problems(actors, content, status, code):
    body = assert_problem(_upload(client_for(actors["supervisor"]), content), status)
    assert body["type"].endswith(code) or body.get("code") == code or code in str(body), body
    assert IntakeImport.objects.count() == 0


def test_wrong_columns_lists_the_expected_ones(actors):
    body = assert_problem(_upload(client_for(actors["supervisor"]), b"policy,plate\nA,B\n"), 400)
    assert "policy_number" in body["detail"] and "external_reference" in body["detail"]


def test_a_windows_1252_file_is_read(actors):
    policy = _policies(1)[0]
    content = incidents_csv([incident_row(policy, description="Caf\u00e9 wall hit \u2013 bumper")], encoding="cp1252")
    body = _upload(client_for(actors["supervisor"]), content, dry_run=True).json()
    assert body["valid"] == 1


@override_settings(INTAKE_MAX_BYTES=2000, INTAKE_MAX_ROWS=3)
def test_too_large_files_are_refused(actors):
    policies = _policies(4)
    client = client_for(actors["supervisor"])
    assert_problem(_upload(client, incidents_csv([incident_row(p) for p in policies])), 413)
    big = b"policy_number,registration,incident_date,description\n" + b"P,R,2026-01-01 10:00,x\n" * 200
    assert_problem(_upload(client, big), 413)


def test_a_partner_files_for_its_policies_only(actors):
    mine, theirs = _policies(1), _policies(1)
    _partner, _key, key = partner_with_key(admin=actors["admin"], policies=mine)
    partner_with_key(admin=actors["admin"], policies=theirs, name="City Brokers", kind="broker")
    client = _key_client(key)
    response = _upload(client, incidents_csv([incident_row(mine[0]), incident_row(theirs[0])]))
    assert response.status_code == 202, response.content
    rows = client.get(f"{URL}{response.json()['id']}/rows/").json()["results"]
    assert rows[0]["status"] == "created"
    assert rows[1]["status"] == "refused" and rows[1]["errors"][0]["code"] == "policy_not_found"
    claim = Claim.objects.get()
    assert claim.policy == mine[0] and claim.customer == mine[0].customer
    audit = AuditEvent.objects.get(action="intake.import_started")
    assert audit.actor_id is None and audit.changes["api_key"] == _key.prefix
    # The partner lists its own imports only.
    assert [i["id"] for i in client.get(URL).json()["results"]] == [response.json()["id"]]


def test_partner_keys_revoked_or_used_elsewhere_are_refused(actors):
    partner, api_key, key = partner_with_key(admin=actors["admin"], policies=_policies(1))
    client = _key_client(key)
    assert client.get(URL).status_code == 200
    api_key.refresh_from_db()
    assert api_key.last_used_at is not None
    assert_problem(client.get("/api/claims/"), 401)  # the key is for the intake endpoints only
    assert_problem(client.get("/api/auth/me/"), 401)
    assert_problem(_key_client(key[:-2] + "zz").get(URL), 401)
    assert_problem(_key_client("nonsense").get(URL), 401)
    admin = client_for(actors["admin"])
    response = admin.post(f"/api/intake/partners/{partner.pk}/keys/{api_key.pk}/revoke/")
    assert response.status_code == 200 and response.json()["revoked_at"]
    assert_problem(client.get(URL), 401)
    assert AuditEvent.objects.filter(action="intake.api_key_revoked").count() == 1


def test_admins_manage_partners_scope_and_keys(actors):
    policy = _policies(1)[0]
    admin = client_for(actors["admin"])
    partner = admin.post("/api/intake/partners/", {"name": "Rift Haulage", "kind": "fleet_owner"}, format="json")
    assert partner.status_code == 201, partner.content
    pid = partner.json()["id"]
    scope = admin.post(f"/api/intake/partners/{pid}/policies/", {"add": [policy.policy_number]}, format="json")
    assert scope.json()["policies"] == [policy.policy_number]
    assert_problem(admin.post(f"/api/intake/partners/{pid}/policies/", {"add": ["POL-0-0"]}, format="json"), 400)
    made = admin.post(f"/api/intake/partners/{pid}/keys/", {"name": "their TMS"}, format="json")
    assert made.status_code == 201 and made.json()["key"].startswith("ihk_")
    listed = admin.get(f"/api/intake/partners/{pid}/keys/").json()
    assert "key" not in listed[0] and listed[0]["prefix"] == made.json()["prefix"]
    assert _key_client(made.json()["key"]).get(URL).status_code == 200
    for role in ("supervisor", "agent", "owner"):
        assert_problem(client_for(actors[role]).get("/api/intake/partners/"), 403)


def test_access_matrix(actors):
    policy = _policies(1)[0]
    started = services.import_start(
        caller=Caller(user=actors["supervisor"]), content=incidents_csv([incident_row(policy)]), filename="a.csv"
    )
    import_id = started.intake_import.pk
    matrix = AccessMatrix(actors)
    forbidden = {"owner", "other_customer", "agent", "agent_other_dept", "assessor", "assessor_other"}
    matrix.assert_read(visible={"supervisor", "admin"}, object_id=import_id, list_url=URL, list_forbidden=forbidden)
    for url in (f"{URL}{import_id}/", f"{URL}{import_id}/rows/", f"{URL}{import_id}/report.csv"):
        for name, user in actors.items():
            want = 200 if name in ("supervisor", "admin") else (404 if name == "supervisor_other_dept" else 403)
            assert client_for(user).get(url).status_code == want, (name, url)
    matrix.assert_write(
        lambda c: _upload(c, incidents_csv([incident_row(policy, minutes=1)]), dry_run=True),
        expected={"supervisor": 200, "supervisor_other_dept": 200, "admin": 200},
        default=403,
    )


def test_a_supervisor_cannot_import_another_departments_policies(actors):
    policy = _policies(1)[0]  # motor
    body = _upload(client_for(actors["supervisor_other_dept"]), incidents_csv([incident_row(policy)]), dry_run=True)
    assert body.json()["rows"][0]["errors"][0]["code"] in {"policy_not_found", "other_department"}


def test_lists_cost_a_fixed_number_of_queries(actors):
    client = client_for(actors["admin"])
    policies = _policies(6)
    services.import_start(
        caller=Caller(user=actors["supervisor"]), content=incidents_csv([incident_row(policies[0])]), filename="1.csv"
    )
    counter = iter(range(1, 6))

    def grow():
        for _ in range(3):
            p = policies[next(counter)]
            services.import_start(
                caller=Caller(user=actors["admin"]), content=incidents_csv([incident_row(p)]), filename="n.csv"
            )

    assert_constant_queries(client, URL, grow=grow, max_queries=6)
    import_id = IntakeImport.objects.first().pk
    assert_constant_queries(client, f"{URL}{import_id}/rows/", grow=lambda: None, max_queries=6)


def test_a_zip_that_is_not_a_workbook_is_refused(actors):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert_problem(_upload(client_for(actors["supervisor"]), out.getvalue(), name="x.xlsx"), 415)


def test_a_stalled_import_is_resumed_by_the_periodic_job(actors, monkeypatch):
    policies = _policies(2)
    monkeypatch.setattr(services, "enqueue_on_commit", lambda *a, **k: None)  # the job is lost
    started = services.import_start(
        caller=Caller(user=actors["admin"]),
        content=incidents_csv([incident_row(p) for p in policies]),
        filename="s.csv",
    )
    monkeypatch.undo()
    assert services.imports_resume_stalled() == 0  # not stalled yet
    IntakeImport.objects.filter(pk=started.intake_import.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert services.imports_resume_stalled() == 1
    started.intake_import.refresh_from_db()
    assert started.intake_import.status == ImportStatus.FINISHED and started.intake_import.created_count == 2
