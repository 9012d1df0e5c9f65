"""The audit chain: every write appends a linked entry; tampering is detected; admins read it."""

import itertools

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.utils import DatabaseError

from insurehub.audit.models import AppendOnlyError, AuditEvent
from insurehub.audit.selectors import audit_chain_verify
from insurehub.audit.services import audit_record
from insurehub.core import request_context
from insurehub.core.testing import AccessMatrix, assert_constant_queries, client_for

pytestmark = pytest.mark.django_db


def _write_some(user, n=5):
    for i in range(n):
        audit_record(actor=user, action="test.thing", object_type="test", object_id=str(i), changes={"i": i})


def test_entries_form_an_unbroken_chain(make_user):
    user = make_user()
    _write_some(user)
    checked, broken = audit_chain_verify()
    assert broken is None
    events = list(AuditEvent.objects.order_by("sequence"))
    assert checked == len(events)
    for before, after in itertools.pairwise(events):
        assert after.prev_hash == before.hash
        assert after.sequence == before.sequence + 1


def test_request_context_is_recorded(make_user):
    user = make_user()
    with request_context.bind(request_id="req-42", ip="203.0.113.9", user_agent="pytest"):
        event = audit_record(actor=user, action="test.ctx", target=user)
    event.refresh_from_db()
    assert (event.request_id, event.ip, event.user_agent) == ("req-42", "203.0.113.9", "pytest")
    assert event.object_type == "users.user" and event.object_id == str(user.pk)


def test_the_orm_refuses_updates_and_deletes(make_user):
    _write_some(make_user(), 1)
    event = AuditEvent.objects.first()
    event.action = "forged"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(action="forged")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def _tamper(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL's trigger refuses the tampering itself")
def test_tampering_in_sql_is_detected_at_the_first_broken_link(make_user):
    _write_some(make_user(), 6)
    target = AuditEvent.objects.order_by("sequence")[3]
    _tamper("UPDATE audit_auditevent SET changes = %s WHERE id = %s", ['{"i": 999}', target.pk])
    _checked, broken = audit_chain_verify()
    assert broken is not None and broken.sequence == target.sequence
    assert "altered" in broken.reason
    with pytest.raises(CommandError, match=f"#{target.sequence}"):
        call_command("verify_audit_chain")


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL's trigger refuses the deletion itself")
def test_a_deleted_entry_is_detected(make_user):
    _write_some(make_user(), 4)
    victim = AuditEvent.objects.order_by("sequence")[1]
    _tamper("DELETE FROM audit_auditevent WHERE id = %s", [victim.pk])
    _, broken = audit_chain_verify()
    assert broken is not None and broken.sequence == victim.sequence


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the append-only trigger exists on PostgreSQL only")
def test_postgres_trigger_refuses_update_and_delete(make_user):
    _write_some(make_user(), 2)
    for sql in ("UPDATE audit_auditevent SET action = 'x'", "DELETE FROM audit_auditevent"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            _tamper(sql, [])
    assert audit_chain_verify()[1] is None


def test_verify_command_reports_an_intact_chain(make_user, capsys):
    _write_some(make_user(), 3)
    call_command("verify_audit_chain")
    assert "intact" in capsys.readouterr().out


def test_audit_api_is_for_admins_only(actors):
    audit_record(actor=actors["owner"], action="test.visible", target=actors["owner"])
    event = AuditEvent.objects.get(action="test.visible")
    # The whole endpoint is the admins' (a role rule, 403); even the entry about oneself.
    matrix = AccessMatrix(actors)
    matrix.assert_write(lambda c: c.get(f"/api/audit/{event.pk}/"), expected={"admin": 200}, default=403)
    matrix.assert_write(lambda c: c.get("/api/audit/"), expected={"admin": 200}, default=403)


def test_audit_api_filters_and_pages_with_fixed_queries(actors):
    admin = client_for(actors["admin"])
    _write_some(actors["owner"], 3)
    body = admin.get("/api/audit/", {"action": "test.thing", "object_id": "1"}).json()
    assert [e["object_id"] for e in body["results"]] == ["1"]
    body = admin.get("/api/audit/", {"actor": str(actors["owner"].pk), "page_size": 2}).json()
    assert len(body["results"]) == 2 and body["next"]
    assert_constant_queries(admin, "/api/audit/", grow=lambda: _write_some(actors["agent"], 20), max_queries=3)


def test_login_and_failed_login_are_audited_with_ip(api_client, make_user):
    user = make_user(email="a@example.test")
    api_client.post("/api/auth/login/", {"email": "a@example.test", "password": "nope"}, REMOTE_ADDR="198.51.100.4")
    failed = AuditEvent.objects.get(action="auth.login_failed")
    assert failed.ip == "198.51.100.4" and failed.changes == {"reason": "wrong_password"}
    assert failed.actor_id == user.pk
