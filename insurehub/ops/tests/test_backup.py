"""Backup and restore round trip (SQLite and PostgreSQL), and tampered backups refused."""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from insurehub.audit.models import AuditEvent
from insurehub.audit.selectors import audit_chain_verify
from insurehub.audit.services import audit_record
from insurehub.ops.backup import BackupError, backup_create, backup_restore
from insurehub.users.models import User
from insurehub.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def media_checksums() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def populated():
    users = UserFactory.create_batch(4)
    for user in users:
        audit_record(actor=user, action="test.backup", target=user)
    root = Path(settings.MEDIA_ROOT)
    (root / "documents" / "ab").mkdir(parents=True)
    (root / "documents" / "ab" / "scan.pdf").write_bytes(b"%PDF-1.4 pretend scan" * 100)
    (root / "photos.bin").write_bytes(bytes(range(256)) * 40)
    return users


def test_round_trip_restores_rows_and_files(populated, tmp_path):
    counts = {"users": User.objects.count(), "audit": AuditEvent.objects.count()}
    files = media_checksums()
    archive = backup_create(output_dir=tmp_path / "backups")

    # Things go wrong after the backup...
    User.objects.filter(pk__in=[u.pk for u in populated[:2]]).delete()
    UserFactory()
    (Path(settings.MEDIA_ROOT) / "photos.bin").write_bytes(b"overwritten")
    (Path(settings.MEDIA_ROOT) / "stray.txt").write_text("not in the backup")

    call_command("restore", str(archive), "--yes")
    assert {"users": User.objects.count(), "audit": AuditEvent.objects.count()} == counts
    assert set(User.objects.values_list("pk", flat=True)) >= {u.pk for u in populated}
    assert media_checksums() == files
    assert audit_chain_verify()[1] is None


def _rewrite(archive: Path, *, change: str) -> Path:
    """Copy the archive with one member altered."""
    out = archive.with_name("tampered.tar")
    with tarfile.open(archive) as src, tarfile.open(out, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if change == "media" and member.name == "media/photos.bin":
                data = data[:-1] + b"X"
            if change == "manifest" and member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["files"]["media/photos.bin"]["size"] += 1
                data = json.dumps(manifest).encode()
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    return out


@pytest.mark.parametrize("change", ["media", "manifest"])
def test_tampered_backup_is_refused_before_anything_changes(populated, tmp_path, change):
    archive = backup_create(output_dir=tmp_path)
    tampered = _rewrite(archive, change=change)
    UserFactory()
    before = User.objects.count()
    with pytest.raises(BackupError):
        backup_restore(archive=tampered)
    assert User.objects.count() == before
    with pytest.raises(CommandError, match="Refused"):
        call_command("restore", str(tampered), "--yes")


def test_restore_needs_confirmation_and_a_real_backup(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "x.tar"))
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"not a tar at all")
    with pytest.raises(CommandError, match="Refused"):
        call_command("restore", str(junk), "--yes")
