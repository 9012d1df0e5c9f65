"""Read audit (issue #18 items 2 and 4): every staff read of a customer's personal data leaves one
entry, written in one INSERT per request; the customer's own reads leave none; admins and
auditors list who read a customer; an anomaly alert; erasure forgets the subject."""

import csv
import io
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from insurehub.alerts.models import Alert
from insurehub.audit import read_audit
from insurehub.audit.models import AppendOnlyError, ReadAuditEntry
from insurehub.claims.tests.factories import file_claim
from insurehub.core.roles import Role
from insurehub.core.testing import AccessMatrix, assert_constant_queries, assert_problem, client_for
from insurehub.documents.tests.factories import DocumentFactory
from insurehub.ops.read_anomaly import KIND, read_access_anomalies
from insurehub.policies.tests.factories import PolicyFactory
from insurehub.users.models import User
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INSERT = 'INSERT INTO "audit_readauditentry"'


def _inserts(queries) -> int:
    return sum(1 for q in queries.captured_queries if q["sql"].startswith(INSERT))


@pytest.fixture
def claim(actors):
    return file_claim(policy=PolicyFactory(customer=actors["owner"]))


def _only_entry(**filters) -> ReadAuditEntry:
    [entry] = ReadAuditEntry.objects.filter(**filters)
    return entry


def _client(user):
    client = client_for(user)
    client.defaults["HTTP_USER_AGENT"] = "pytest-agent/1.0"
    client.defaults["REMOTE_ADDR"] = "10.1.2.3"
    return client


# --- each read point ------------------------------------------------------------------------


def test_staff_claim_detail_writes_one_entry_with_the_fields_in_one_insert(actors, claim):
    with CaptureQueriesContext(connection) as queries:
        response = _client(actors["agent"]).get(f"/api/claims/{claim.pk}/")
    assert response.status_code == 200
    assert _inserts(queries) == 1
    entry = _only_entry(object_type="claims.claim")
    assert (entry.actor_id, entry.subject_id, entry.object_id) == (
        actors["agent"].pk,
        actors["owner"].pk,
        str(claim.pk),
    )
    assert set(response.json()) == set(entry.fields) and "description" in entry.fields
    assert entry.ip == "10.1.2.3" and entry.user_agent == "pytest-agent/1.0" and entry.request_id
    assert entry.at <= timezone.now()


def test_the_customers_own_reads_write_nothing(actors, claim):
    owner = _client(actors["owner"])
    document = DocumentFactory(owner=actors["owner"], claim=claim)
    with CaptureQueriesContext(connection) as queries:
        assert owner.get(f"/api/claims/{claim.pk}/").status_code == 200
        assert owner.get(f"/api/claims/{claim.pk}/report.pdf").status_code == 200
        assert owner.get(f"/api/documents/{document.pk}/download/").status_code == 200
        assert owner.get(f"/api/policies/{claim.policy_id}/schedule.pdf").status_code == 200
        assert owner.get(f"/api/users/{actors['owner'].pk}/").status_code == 200
    assert _inserts(queries) == 0
    assert not ReadAuditEntry.objects.exists()


def test_customer_contact_writes_one_entry(actors, claim):
    response = _client(actors["supervisor"]).get(f"/api/claims/{claim.pk}/customer/")
    assert response.status_code == 200
    entry = _only_entry(object_type="claims.customer_contact")
    assert entry.subject_id == actors["owner"].pk and entry.actor_id == actors["supervisor"].pk
    assert {"name", "email", "phone"} <= set(entry.fields)


def test_claim_report_pdf_writes_one_entry_with_the_file(actors, claim):
    assert _client(actors["admin"]).get(f"/api/claims/{claim.pk}/report.pdf").status_code == 200
    entry = _only_entry(object_type="claims.report_pdf")
    assert entry.fields == [f"{claim.claim_number}.pdf"] and entry.subject_id == actors["owner"].pk


def test_document_download_by_staff_names_the_claims_customer_and_the_file(actors, claim):
    # Uploaded by the agent to the customer's claim: the data is still the customer's.
    document = DocumentFactory(owner=actors["agent"], claim=claim, filename="police-abstract.pdf")
    with CaptureQueriesContext(connection) as queries:
        response = _client(actors["supervisor"]).get(f"/api/documents/{document.pk}/download/", {"variant": "original"})
        assert response.status_code == 200
        assert ReadAuditEntry.objects.count() == 0  # written once the file has been sent...
        assert response.getvalue().startswith(b"%PDF")  # ...and the server has closed the response
    assert _inserts(queries) == 1
    entry = _only_entry(object_type="documents.document")
    assert (entry.subject_id, entry.object_id) == (actors["owner"].pk, str(document.pk))
    assert entry.fields == ["original:police-abstract.pdf"]


def test_assessment_report_pdf_writes_one_entry(actors):
    from insurehub.assessments import services as assessments
    from insurehub.assessments.tests.factories import claim_for_assessment

    claim = claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])
    assessment = assessments.assessment_create(claim=claim, created_by=actors["agent"])
    response = _client(actors["agent"]).get(f"/api/assessments/{assessment.pk}/report.pdf")
    assert response.status_code == 200, response.content[:300]
    entry = _only_entry(object_type="assessments.report_pdf")
    assert entry.subject_id == actors["owner"].pk and entry.fields == [f"assessment-{claim.claim_number}.pdf"]


def test_assessment_photo_file_viewed_by_staff_writes_one_entry(settings, tmp_path, actors):
    import shutil

    from insurehub.assessments import services as assessments
    from insurehub.assessments.tests.factories import claim_for_assessment, photo_bytes
    from insurehub.documents.tests.samples import LOCAL_HDB, LOCAL_NDB

    if not shutil.which("clamscan"):
        pytest.skip("clamscan is not installed (scripts/system-deps.sh)")
    (tmp_path / "local.hdb").write_text(LOCAL_HDB)
    (tmp_path / "local.ndb").write_text(LOCAL_NDB)
    settings.CLAMD_SOCKET, settings.CLAMD_HOST = "", ""
    settings.CLAMAV_DB_DIR, settings.CLAMSCAN_PATH = str(tmp_path), "clamscan"
    claim = claim_for_assessment(customer=actors["owner"], agent=actors["agent"], assessor=actors["assessor"])
    assessment = assessments.assessment_create(claim=claim, created_by=actors["agent"])
    raw = photo_bytes(seed=7, size=(64, 48))
    [photo] = assessments.photo_upload(
        assessment=assessment,
        uploads=[assessments.PhotoUpload(file=io.BytesIO(raw), filename="rear.jpg", size=len(raw))],
        uploaded_by=actors["assessor"],  # the assessor's upload; the customer's data all the same
    )
    url = f"/api/assessments/{assessment.pk}/photos/{photo.pk}/full/"
    assert b"".join(_client(actors["owner"]).get(url).streaming_content)
    assert not ReadAuditEntry.objects.exists(), list(ReadAuditEntry.objects.values())
    assert b"".join(_client(actors["supervisor"]).get(url).streaming_content)
    entry = _only_entry(object_type="documents.document")
    assert (entry.subject_id, entry.object_id) == (actors["owner"].pk, str(photo.document_id))
    assert entry.fields[0].startswith("served:rear")


def test_policy_schedule_downloaded_by_staff_writes_one_entry(actors, claim):
    response = _client(actors["admin"]).get(f"/api/policies/{claim.policy_id}/schedule.pdf")
    assert response.status_code == 200
    entry = _only_entry(object_type="policies.schedule_pdf")
    assert entry.subject_id == actors["owner"].pk and entry.object_id == str(claim.policy_id)


def test_admin_user_detail_writes_one_entry(actors):
    assert _client(actors["admin"]).get(f"/api/users/{actors['owner'].pk}/").status_code == 200
    entry = _only_entry(object_type="users.user")
    assert entry.subject_id == actors["owner"].pk and "email" in entry.fields


def test_privacy_export_downloaded_by_staff_writes_one_entry(actors):
    with TestCase.captureOnCommitCallbacks(execute=True):  # the export is built after the commit
        response = client_for(actors["owner"]).post("/api/privacy/export/", {}, format="json").json()
    url = f"/api/privacy/requests/{response['id']}/download/"
    assert client_for(actors["owner"]).get(url).status_code == 200
    assert not ReadAuditEntry.objects.exists()  # their own export
    assert _client(actors["admin"]).get(url).status_code == 200
    entry = _only_entry(object_type="privacy.export")
    assert entry.subject_id == actors["owner"].pk and entry.fields


def test_claims_csv_export_one_entry_per_customer_in_one_insert(actors):
    other = UserFactory(role=Role.CUSTOMER)
    for customer in (actors["owner"], actors["owner"], other):
        file_claim(policy=PolicyFactory(customer=customer))
    with CaptureQueriesContext(connection) as queries:
        response = _client(actors["admin"]).get("/api/claims/export.csv")
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 4
    assert _inserts(queries) == 1
    entries = ReadAuditEntry.objects.filter(object_type="claims.export_csv")
    assert sorted(e.subject_id for e in entries) == sorted([actors["owner"].pk, other.pk])
    assert all(e.fields == rows[0] for e in entries)  # the columns read


# --- the buffer ---------------------------------------------------------------------------------


def test_many_reads_in_one_request_are_one_insert_and_outside_a_request_at_once(actors):
    agent, subjects = actors["agent"], [UserFactory(role=Role.CUSTOMER).pk for _ in range(5)]
    with CaptureQueriesContext(connection) as queries, read_audit.buffered():
        for subject in subjects:
            assert read_audit.record_read(agent, subject, "claims.claim", "x", ["name"])
        assert read_audit.record_read(agent, agent.pk, "users.user", agent.pk, ["name"]) is False  # own
        assert read_audit.record_read(None, subjects[0], "users.user", "x", ["name"]) is False  # nobody
        assert ReadAuditEntry.objects.count() == 0  # buffered, nothing written yet
    assert _inserts(queries) == 1
    assert ReadAuditEntry.objects.count() == 5
    assert read_audit.record_read(agent, subjects[0], "claims.claim", "y", "file.pdf")  # no request: written now
    assert ReadAuditEntry.objects.count() == 6


def test_entries_are_append_only_through_the_orm(actors):
    read_audit.record_read(actors["agent"], actors["owner"].pk, "claims.claim", "1", ["name"])
    entry = ReadAuditEntry.objects.get()
    with pytest.raises(AppendOnlyError):
        ReadAuditEntry.objects.update(object_id="2")
    with pytest.raises(AppendOnlyError):
        ReadAuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        entry.save()


# --- the report ---------------------------------------------------------------------------------


def test_report_access_matrix_and_auditor_permission(actors, claim):
    _client(actors["agent"]).get(f"/api/claims/{claim.pk}/")
    url = f"/api/audit/reads/?subject={actors['owner'].pk}"
    AccessMatrix(actors).assert_write(lambda c: c.get(url), expected={"admin": 200}, default=403)
    auditor = actors["supervisor_other_dept"]
    auditor.user_permissions.add(Permission.objects.get(codename="view_readauditentry"))
    auditor = User.objects.get(pk=auditor.pk)  # a fresh permission cache
    body = client_for(auditor).get(url).json()
    [row] = [r for r in body["results"] if r["object_type"] == "claims.claim"]
    assert row["actor"] == str(actors["agent"].pk) and row["actor_email"] == actors["agent"].email
    assert row["actor_role"] == "agent" and row["subject"] == str(actors["owner"].pk) and row["fields"]


def test_report_is_newest_first_cursor_paginated_with_fixed_queries(actors):
    owner = actors["owner"]
    staff = [actors["agent"], actors["supervisor"], actors["assessor"]]
    for n, reader in enumerate(staff):
        read_audit.record_read(reader, owner.pk, "claims.claim", str(n), ["name"])
    admin = client_for(actors["admin"])
    url = f"/api/audit/reads/?subject={owner.pk}&page_size=2"
    first = admin.get(url).json()
    assert [r["object_id"] for r in first["results"]] == ["2", "1"]
    assert [r["object_id"] for r in admin.get(first["next"]).json()["results"]] == ["0"]

    def grow():
        for reader in staff:
            read_audit.record_read(reader, owner.pk, "claims.claim", "more", ["name"])

    assert_constant_queries(admin, f"/api/audit/reads/?subject={owner.pk}", grow=grow, max_queries=4)
    assert_problem(admin.get("/api/audit/reads/"), 400)
    assert_problem(admin.get("/api/audit/reads/?subject=nope"), 400)


# --- the anomaly alert --------------------------------------------------------------------------


def _reads(reader, count, *, at=None):
    entries = [
        ReadAuditEntry(at=at or timezone.now(), actor_id=reader.pk, subject_id=uuid.uuid4(), object_type="claims.claim")
        for _ in range(count)
    ]
    ReadAuditEntry.objects.bulk_create(entries)


def test_anomaly_alert_when_far_above_the_queue_once(settings, actors, claim):
    settings.READ_AUDIT_ANOMALY_FACTOR = 3
    settings.READ_AUDIT_ANOMALY_MIN_HOUR = 5
    settings.READ_AUDIT_ANOMALY_MIN_DAY = 100
    agent, assessor = actors["agent"], actors["assessor"]
    from insurehub.claims.services import claim_assign

    claim_assign(claim=claim, assigned_by=actors["supervisor"], agent=agent)  # a queue of 1 customer
    _reads(agent, 6)  # above max(5, 3 x 1)
    _reads(assessor, 5)  # not above max(5, 3 x 0)
    _reads(actors["supervisor"], 50, at=timezone.now() - timedelta(days=2))  # outside both windows
    [alert] = read_access_anomalies()
    assert alert.kind == KIND and alert.severity == Alert.Severity.HIGH and alert.department == agent.department
    assert alert.data == {"reader": str(agent.pk), "window": "hour", "customers_read": 6, "queue": 1, "limit": 5}
    assert read_access_anomalies() == []  # still open: not raised twice
    settings.READ_AUDIT_ANOMALY_MIN_HOUR = 100
    Alert.objects.update(status=Alert.Status.ACKNOWLEDGED)
    assert read_access_anomalies() == []  # below the raised threshold


def test_the_anomaly_task_runs_the_check(settings, actors):
    from insurehub.ops.tasks import read_access_anomaly_check

    settings.READ_AUDIT_ANOMALY_MIN_HOUR = 2
    _reads(actors["agent"], 3)
    assert read_access_anomaly_check.delay().get() == 1
    assert "audit-read-access-anomalies" in settings.CELERY_BEAT_SCHEDULE


# --- erasure ------------------------------------------------------------------------------------


def test_erasure_keeps_the_reader_and_forgets_the_subject(actors):
    from insurehub.privacy import services as privacy

    carol = UserFactory(role=Role.CUSTOMER)
    read_audit.record_read(actors["agent"], carol.pk, "users.user", carol.pk, ["name", "phone"])
    read_audit.record_read(actors["agent"], actors["owner"].pk, "users.user", actors["owner"].pk, ["name"])
    request = privacy.erasure_request(subject=carol, requested_by=carol)
    with TestCase.captureOnCommitCallbacks(execute=True):
        privacy.erasure_decide(request=request, approve=True, decided_by=actors["admin"])
    entry = ReadAuditEntry.objects.get(actor=actors["agent"], object_type="users.user", subject__isnull=True)
    assert entry.subject_ref == read_audit.subject_pseudonym(carol.pk) and str(carol.pk) not in entry.subject_ref
    assert entry.fields == ["name", "phone"] and entry.at and entry.actor_id == actors["agent"].pk
    assert ReadAuditEntry.objects.filter(subject=actors["owner"]).count() == 1  # others untouched
    body = client_for(actors["admin"]).get(f"/api/audit/reads/?subject={carol.pk}").json()
    assert body["results"] == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the append-only trigger exists on PostgreSQL only")
def test_postgres_trigger_refuses_changes_but_lets_erasure_forget_the_subject(actors):
    from django.db import DatabaseError, transaction

    read_audit.record_read(actors["agent"], actors["owner"].pk, "claims.claim", "1", ["name"])
    for sql in (
        "UPDATE audit_readauditentry SET object_id = 'x'",
        "UPDATE audit_readauditentry SET subject_id = NULL, subject_ref = 'p', object_id = 'x'",
        "UPDATE audit_readauditentry SET subject_id = NULL",  # forgetting needs the pseudonym
        "DELETE FROM audit_readauditentry",
        "TRUNCATE audit_readauditentry",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert read_audit.forget_subject(actors["owner"].pk) == 1
    entry = ReadAuditEntry.objects.get()
    assert entry.subject_id is None and entry.object_id == "1" and entry.actor_id == actors["agent"].pk
