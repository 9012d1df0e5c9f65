"""GDPR export and erasure, consents and retention, through the API."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from insurehub.analytics.models import UserActivity
from insurehub.audit.models import AuditEvent
from insurehub.audit.selectors import audit_chain_verify
from insurehub.core.models import IdempotencyRecord
from insurehub.core.testing import AccessMatrix, assert_problem, client_for
from insurehub.notifications.models import Notification
from insurehub.notifications.services import notify
from insurehub.privacy.models import ConsentRecord, PrivacyRequest
from insurehub.privacy.services import retention_apply
from insurehub.realtime import groups
from insurehub.realtime.models import OutboxEvent
from insurehub.users.models import User
from insurehub.users.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def carol(make_user):
    user = make_user(email="carol@example.test", name="Carol", phone="+254711000001", national_id="12345678")
    notify(recipient=user, topic="claim_updates", kind="claim.updated", title="Claim moved", body="It moved.")
    return user


def export_zip(client, request_id) -> dict:
    response = client.get(f"/api/privacy/requests/{request_id}/download/")
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return json.loads(archive.read("data.json"))


class TestExport:
    def test_a_person_exports_everything_about_them(self, carol):
        client = client_for(carol)
        client.put("/api/privacy/consents/", {"consents": [{"purpose": "marketing", "granted": True}]}, format="json")
        response = client.post("/api/privacy/export/", {}, format="json")
        assert response.status_code == 202, response.content
        body = response.json()
        assert body["status"] == "completed" and body["download_url"]
        data = export_zip(client, body["id"])
        assert data["users"]["profile"]["phone"] == "+254711000001"
        assert data["users"]["profile"]["national_id"] == "12345678"
        assert [n["title"] for n in data["notifications"]["notifications"]] == ["Claim moved"]
        assert any(e["action"] == "privacy.export_requested" for e in data["audit"])
        assert data["privacy"]["consents"][0]["purpose"] == "marketing"
        assert AuditEvent.objects.filter(action="privacy.export_downloaded", actor=carol).exists()

    def test_the_person_is_told_live_when_their_export_is_ready(self, carol, actors):
        body = client_for(carol).post("/api/privacy/export/", {}, format="json").json()
        event = OutboxEvent.objects.get(type="privacy.export_completed")
        assert event.data == {"id": body["id"], "kind": "export", "status": "completed"}
        # The person and the admins; no other customer, no staff.
        assert sorted(event.audience) == sorted([groups.ADMINS, groups.user_group(carol.pk)])
        notice = Notification.objects.get(recipient=carol, kind="privacy.export_completed")
        assert (notice.topic, notice.link) == ("documents", "/profile")
        assert not Notification.objects.filter(kind="privacy.export_completed").exclude(recipient=carol).exists()

    def test_export_for_another_person_is_a_404_unless_admin(self, actors):
        owner, other = actors["owner"], actors["other_customer"]
        for name in ("other_customer", "agent", "supervisor"):
            response = client_for(actors[name]).post("/api/privacy/export/", {"subject": str(owner.pk)}, format="json")
            assert_problem(response, 404)
        assert not PrivacyRequest.objects.filter(subject=owner).exists()
        response = client_for(actors["admin"]).post("/api/privacy/export/", {"subject": str(owner.pk)}, format="json")
        assert response.status_code == 202
        assert other  # the matrix below covers the download

    def test_download_access_matrix_and_expiry(self, actors):
        response = client_for(actors["owner"]).post("/api/privacy/export/", {}, format="json").json()
        url = f"/api/privacy/requests/{response['id']}/"
        AccessMatrix(actors).assert_read(
            visible={"owner", "admin"}, object_id=response["id"], detail_url=url, list_url="/api/privacy/requests/"
        )
        AccessMatrix(actors).assert_write(lambda c: c.get(url + "download/"), expected={"owner": 200, "admin": 200})
        PrivacyRequest.objects.filter(pk=response["id"]).update(expires_at=timezone.now() - timedelta(seconds=1))
        assert_problem(client_for(actors["owner"]).get(url + "download/"), 410)

    def test_unknown_fields_are_refused(self, carol):
        assert_problem(client_for(carol).post("/api/privacy/export/", {"format": "csv"}, format="json"), 400)
        assert not PrivacyRequest.objects.exists()


class TestErasure:
    def test_erasure_pseudonymises_and_keeps_the_audit_chain(self, api_client, carol):
        request = client_for(carol).post("/api/privacy/erasure/", {"reason": "leaving"}, format="json").json()
        assert request["status"] == "requested"
        admin = User.objects.create_superuser("root@example.test", TEST_PASSWORD)
        response = client_for(admin).post(
            f"/api/privacy/requests/{request['id']}/decision/", {"approve": True}, format="json"
        )
        assert response.status_code == 200, response.content
        assert response.json()["status"] == "completed"
        carol.refresh_from_db()
        assert carol.email.endswith("@erased.invalid") and carol.email != "carol@example.test"
        assert (carol.name, carol.phone, carol.national_id, carol.is_active) == ("", "", "", False)
        assert (carol.phone_hash, carol.national_id_hash) == ("", "")  # no longer findable by phone or ID
        assert not Notification.objects.filter(recipient=carol).exists()
        assert not UserActivity.objects.filter(user=carol).exists()
        login = api_client.post("/api/auth/login/", {"email": "carol@example.test", "password": TEST_PASSWORD})
        assert_problem(login, 401)
        assert AuditEvent.objects.filter(actor=carol).exists()  # the log is kept...
        assert audit_chain_verify()[1] is None  # ...and intact

    def test_erasure_is_held_while_an_export_is_being_built(self, carol, actors):
        PrivacyRequest.objects.create(subject=carol, kind="export", requested_by=carol, status="processing")
        request = client_for(carol).post("/api/privacy/erasure/", {}, format="json").json()
        assert request["status"] == "held"
        assert request["hold_reasons"] == ["an export of this person's data is still being built"]
        response = client_for(actors["admin"]).post(
            f"/api/privacy/requests/{request['id']}/decision/", {"approve": True}, format="json"
        )
        body = assert_problem(response, 409)
        assert body["hold_reasons"]
        carol.refresh_from_db()
        assert carol.is_active and carol.email == "carol@example.test"

    def test_decisions_are_admin_only_and_happen_once(self, actors):
        request = client_for(actors["owner"]).post("/api/privacy/erasure/", {}, format="json").json()
        url = f"/api/privacy/requests/{request['id']}/decision/"
        AccessMatrix(actors).assert_write(
            lambda c: c.post(url, {"approve": False, "note": "duplicate"}, format="json"),
            expected={"admin": 200},
            default=403,
        )
        assert_problem(client_for(actors["admin"]).post(url, {"approve": True}, format="json"), 409)
        assert_problem(client_for(actors["admin"]).post(url, {}, format="json"), 400)
        # The person hears of the decision on their open pages and in their notifications.
        event = OutboxEvent.objects.get(type="privacy.erasure_rejected")
        assert groups.user_group(actors["owner"].pk) in event.audience
        declined = Notification.objects.get(recipient=actors["owner"], kind="privacy.erasure_rejected")
        assert declined.body == "duplicate"
        assert_problem(
            client_for(actors["owner"]).post(
                "/api/privacy/erasure/", {"subject": str(actors["other_customer"].pk)}, format="json"
            ),
            404,
        )

    def test_a_second_open_request_is_a_conflict(self, carol):
        client = client_for(carol)
        assert client.post("/api/privacy/erasure/", {}, format="json").status_code == 202
        assert_problem(client.post("/api/privacy/erasure/", {}, format="json"), 409)


def test_consents_keep_their_history(carol):
    client = client_for(carol)
    assert all(c["granted"] is False for c in client.get("/api/privacy/consents/").json()["consents"])
    for granted in (True, False):
        client.put(
            "/api/privacy/consents/", {"consents": [{"purpose": "analytics", "granted": granted}]}, format="json"
        )
    current = {c["purpose"]: c["granted"] for c in client.get("/api/privacy/consents/").json()["consents"]}
    assert current["analytics"] is False
    assert ConsentRecord.objects.filter(user=carol, purpose="analytics").count() == 2
    assert_problem(
        client.put("/api/privacy/consents/", {"consents": [{"purpose": "spam", "granted": True}]}, format="json"), 400
    )


def test_retention_policy(carol, actors, settings):
    export = client_for(carol).post("/api/privacy/export/", {}, format="json").json()
    PrivacyRequest.objects.filter(pk=export["id"]).update(expires_at=timezone.now() - timedelta(hours=1))
    key = PrivacyRequest.objects.get(pk=export["id"]).archive_key
    UserActivity.objects.create(user=carol, action="auth.login", at=timezone.now() - timedelta(days=500))
    User.objects.filter(pk=actors["other_customer"].pk).update(last_login=timezone.now() - timedelta(days=7 * 365))
    old_answer = IdempotencyRecord.objects.create(user=carol, key="old", endpoint="e", request_hash="h")
    IdempotencyRecord.objects.filter(pk=old_answer.pk).update(created_at=timezone.now() - timedelta(days=8))
    IdempotencyRecord.objects.create(user=carol, key="recent", endpoint="e", request_hash="h")
    report = retention_apply()
    assert report["idempotency_answers_deleted"] == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["recent"]
    assert report["exports_removed"] == 1 and not default_storage.exists(key)
    assert report["activities_deleted"] == 1
    assert report["erasures_filed"] == 1
    assert PrivacyRequest.objects.filter(subject=actors["other_customer"], kind="erasure", status="requested").exists()
    assert retention_apply()["erasures_filed"] == 0  # not filed twice


def test_erasure_is_held_while_a_claim_is_open_and_export_includes_policies_and_claims(actors):
    from insurehub.claims.tests.factories import file_claim

    claim = file_claim(customer=actors["owner"])
    client = client_for(actors["owner"])
    request = client.post("/api/privacy/erasure/", {}, format="json").json()
    assert request["status"] == "held"
    assert any(claim.claim_number in reason for reason in request["hold_reasons"])
    export = client.post("/api/privacy/export/", {}, format="json").json()
    data = export_zip(client, export["id"])
    assert data["claims"][0]["claim_number"] == claim.claim_number
    assert data["policies"]["policies"][0]["policy_number"] == claim.policy.policy_number
