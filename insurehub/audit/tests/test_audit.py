"""The audit chain: every write appends a linked entry; tampering is detected; admins read it."""

import hashlib
import itertools
import json
import threading

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.utils import DatabaseError

from insurehub.audit.chain import CHECKPOINT_FILE, chain_key
from insurehub.audit.models import GENESIS_HASH, AppendOnlyError, AuditChainHead, AuditEvent
from insurehub.audit.selectors import audit_chain_report, audit_chain_verify
from insurehub.audit.services import audit_checkpoint_publish, audit_record, audit_seal
from insurehub.audit.tasks import audit_seal_and_checkpoint
from insurehub.core import request_context
from insurehub.core.testing import AccessMatrix, assert_constant_queries, client_for

pytestmark = pytest.mark.django_db


def _write_some(user, n=5, *, seal=True):
    for i in range(n):
        audit_record(actor=user, action="test.thing", object_type="test", object_id=str(i), changes={"i": i})
    if seal:
        audit_seal()


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
        assert after.pk > before.pk  # sealed in id order
    head = AuditChainHead.objects.get(id=1)
    assert (head.sequence, head.hash) == (events[-1].sequence, events[-1].hash)


def test_entries_are_sealed_after_their_transaction_commits(make_user, django_capture_on_commit_callbacks):
    user = make_user()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        _write_some(user, 3, seal=False)
        assert AuditEvent.objects.filter(hash__isnull=True).count() == 3
    assert len(callbacks) == 1  # one sealing per transaction, not one per entry
    assert not AuditEvent.objects.filter(hash__isnull=True).exists()
    assert audit_chain_verify() == (3, None)


def test_unsealed_entries_are_reported_as_such_not_as_a_break(make_user):
    _write_some(make_user(), 2)
    _write_some(make_user(), 3, seal=False)
    report = audit_chain_report()
    assert (report.checked, report.broken, report.unsealed) == (2, None, 3)
    call_command("verify_audit_chain")  # seals first
    assert audit_chain_report().unsealed == 0 and audit_chain_verify() == (5, None)


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


def _tamper(sql, params=()):
    """What someone with write access to the database can do: on PostgreSQL that includes
    switching the append-only triggers off (inside the test's transaction, rolled back after)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
            cursor.execute("ALTER TABLE audit_auditchainhead DISABLE TRIGGER USER")
        cursor.execute(sql, list(params))


def _broken():
    return audit_chain_verify()[1]


def test_an_updated_entry_is_detected_at_the_first_broken_link(make_user):
    _write_some(make_user(), 6)
    target = AuditEvent.objects.get(sequence=4)
    _tamper("UPDATE audit_auditevent SET changes = %s WHERE id = %s", ['{"i": 999}', target.pk])
    broken = _broken()
    assert broken is not None and broken.sequence == 4 and "altered" in broken.reason
    with pytest.raises(CommandError, match="#4"):
        call_command("verify_audit_chain")


def test_an_entry_deleted_in_the_middle_is_detected(make_user):
    _write_some(make_user(), 4)
    _tamper("DELETE FROM audit_auditevent WHERE sequence = 2")
    broken = _broken()
    assert broken is not None and broken.sequence == 2 and "missing" in broken.reason


def test_the_newest_entries_deleted_are_detected_against_the_head(make_user):
    _write_some(make_user(), 5)
    _tamper("DELETE FROM audit_auditevent WHERE sequence > 3")
    broken = _broken()
    assert broken is not None and broken.sequence == 4 and "newest entries removed" in broken.reason


def test_the_newest_entries_deleted_with_the_head_rewritten_are_detected_against_the_checkpoint(
    make_user, settings, tmp_path
):
    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path / "checkpoints")
    _write_some(make_user(), 5)
    assert audit_checkpoint_publish()["sequence"] == 5
    third = AuditEvent.objects.get(sequence=3)
    _tamper("DELETE FROM audit_auditevent WHERE sequence > 3")
    _tamper("UPDATE audit_auditchainhead SET sequence = 3, hash = %s", [third.hash])
    broken = _broken()
    assert broken is not None and "shorter than the checkpoint published at #5" in broken.reason


def test_everything_deleted_is_detected_against_the_checkpoint(make_user, settings, tmp_path):
    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path / "checkpoints")
    _write_some(make_user(), 3)
    audit_checkpoint_publish()
    _tamper("DELETE FROM audit_auditevent")
    _tamper("DELETE FROM audit_auditchainhead")
    broken = _broken()
    assert broken is not None and "shorter than the checkpoint published at #3" in broken.reason


def test_a_rehashed_chain_without_the_key_is_detected(make_user):
    """Rewrite an entry, then recompute every hash, link and the head as the old unkeyed chain did
    (SHA-256): without AUDIT_CHAIN_KEY the keyed hashes cannot be reproduced."""
    _write_some(make_user(), 4)
    _tamper("UPDATE audit_auditevent SET changes = %s WHERE sequence = 2", ['{"i": 999}'])
    previous = GENESIS_HASH
    for event in AuditEvent.objects.filter(sequence__isnull=False).order_by("sequence"):
        event.prev_hash = previous
        forged = hashlib.sha256(event.canonical().encode()).hexdigest()
        _tamper("UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE id = %s", [previous, forged, event.pk])
        previous = forged
    _tamper("UPDATE audit_auditchainhead SET hash = %s", [previous])
    broken = _broken()
    assert broken is not None and broken.sequence == 1 and "re-hashed" in broken.reason


def test_a_chain_rehashed_under_another_key_is_detected_against_the_checkpoint(make_user, settings, tmp_path):
    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path / "checkpoints")
    settings.AUDIT_CHAIN_KEY = "the-real-key"
    _write_some(make_user(), 3)
    audit_checkpoint_publish()
    previous, key = GENESIS_HASH, b"a-key-the-forger-chose"
    for event in AuditEvent.objects.filter(sequence__isnull=False).order_by("sequence"):
        event.prev_hash = previous
        forged = event.compute_hash(key)
        _tamper("UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE id = %s", [previous, forged, event.pk])
        previous = forged
    _tamper("UPDATE audit_auditchainhead SET hash = %s", [previous])
    assert _broken() is not None  # the keyed hashes do not verify
    # Even had they got the key, the published checkpoint names the real head's hash.
    settings.AUDIT_CHAIN_KEY = "a-key-the-forger-chose"
    last = AuditEvent.objects.get(sequence=3)
    assert last.hash != json.loads((tmp_path / "checkpoints" / CHECKPOINT_FILE).read_text().splitlines()[-1])["hash"]


def test_checkpoints_are_signed_logged_and_appended(make_user, settings, tmp_path, caplog):
    settings.AUDIT_CHECKPOINT_DIR = str(tmp_path / "checkpoints")
    _write_some(make_user(), 2)
    with caplog.at_level("INFO", logger="insurehub.audit.checkpoint"):
        first = audit_checkpoint_publish()
    assert first["sequence"] == 2 and "audit checkpoint" in caplog.text
    assert audit_checkpoint_publish() is None  # nothing new: no new line
    _write_some(make_user(), 1, seal=False)
    assert audit_seal_and_checkpoint.apply().get() is True  # the periodic job seals, then publishes
    lines = (tmp_path / "checkpoints" / CHECKPOINT_FILE).read_text().splitlines()
    assert [json.loads(line)["sequence"] for line in lines] == [2, 3]
    report = audit_chain_report()
    assert report.broken is None and report.checkpoint_sequence == 3
    forged = {**json.loads(lines[-1]), "sequence": 2}
    (tmp_path / "checkpoints" / CHECKPOINT_FILE).write_text(json.dumps(forged) + "\n")
    assert "signature is not valid" in _broken().reason


def test_production_requires_the_chain_key(settings):
    settings.DJANGO_ENV = "production"
    settings.AUDIT_CHAIN_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="AUDIT_CHAIN_KEY"):
        chain_key()
    settings.AUDIT_CHAIN_KEY = "set-in-the-environment"
    assert chain_key() == b"set-in-the-environment"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the append-only triggers exist on PostgreSQL only")
def test_postgres_triggers_refuse_update_delete_and_truncate_but_let_the_sealer_seal(make_user):
    _write_some(make_user(), 2)
    _write_some(make_user(), 1, seal=False)
    for sql in (
        "UPDATE audit_auditevent SET action = 'x'",
        "UPDATE audit_auditevent SET action = 'x', hash = NULL WHERE hash IS NULL",
        "UPDATE audit_auditevent SET hash = NULL, sequence = NULL, prev_hash = ''",
        "DELETE FROM audit_auditevent",
        "TRUNCATE audit_auditevent",
        "TRUNCATE audit_auditevent CASCADE",
        "DELETE FROM audit_auditchainhead",
        "TRUNCATE audit_auditchainhead",
    ):
        with (
            pytest.raises(DatabaseError, match=r"append-only|is kept"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert audit_seal() == 1
    assert audit_chain_verify() == (3, None)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_writer_does_not_lock_the_chain_for_other_writers(make_user):
    """While one transaction that wrote an entry is still open, another writer appends, commits and
    is sealed: nothing holds the chain head until the first one commits (it did: one write at a time)."""
    user = make_user()
    outcome = {}

    def other_writer():
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '2s'")
                audit_record(actor=None, action="test.other", object_type="test", object_id="b")
            outcome["sealed"] = AuditEvent.objects.get(action="test.other").sequence
        except DatabaseError as exc:
            outcome["error"] = exc
        finally:
            connection.close()

    with transaction.atomic():
        audit_record(actor=user, action="test.first", object_type="test", object_id="a")
        thread = threading.Thread(target=other_writer)
        thread.start()
        thread.join(30)
    assert "error" not in outcome and outcome["sealed"] is not None
    audit_seal()
    first = AuditEvent.objects.get(action="test.first")
    assert first.sequence > outcome["sealed"]  # sealed after it: committed after it
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
