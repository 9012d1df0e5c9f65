"""Backups that can be trusted: database + media + a signed manifest of checksums.

A backup is a tar file holding
    database.dump      (PostgreSQL: pg_dump custom format)  or  database.sqlite3 (SQLite online backup)
    media/...          every file under MEDIA_ROOT
    manifest.json      {created_at, vendor, files: {name: {sha256, size}}, migrations, signature}
The manifest is signed (HMAC-SHA256 under BACKUP_SIGNING_KEY, or a key derived from SECRET_KEY),
so `restore` refuses a backup whose files or manifest were changed, before touching anything.
pg_dump and pg_restore run with a fixed argument list and no shell (bandit B404/B603 reviewed).
"""

import hashlib
import hmac
import io
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder


class BackupError(Exception):
    pass


def _signing_key() -> bytes:
    configured = getattr(settings, "BACKUP_SIGNING_KEY", "")
    if configured:
        return configured.encode()
    return hashlib.sha256(f"insurehub:backup:{settings.SECRET_KEY}".encode()).digest()


def _sign(manifest: dict) -> str:
    body = json.dumps({k: v for k, v in manifest.items() if k != "signature"}, sort_keys=True).encode()
    return hmac.new(_signing_key(), body, hashlib.sha256).hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    args += ["--username", db.get("USER") or "postgres"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _dump_database(target_dir: Path) -> str:
    if connection.vendor == "postgresql":
        args, env = _pg_env()
        out = target_dir / "database.dump"
        command = [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            *args,
            "--file",
            str(out),
            connection.settings_dict["NAME"],
        ]
        # Security review: fixed argv, no shell.
        result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603  # nosec B603
        if result.returncode:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()[:500]}")
        return out.name
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        out = target_dir / "database.sqlite3"
        target = sqlite3.connect(out)
        with target:
            connection.connection.backup(target)
        target.close()
        return out.name
    raise BackupError(f"backups of {connection.vendor} are not supported")


def backup_create(*, output_dir: Path) -> Path:
    """Write a backup tar into `output_dir` and return its path."""
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        db_file = _dump_database(staging)
        files = {db_file: {"sha256": _sha256(staging / db_file), "size": (staging / db_file).stat().st_size}}
        media_root = Path(settings.MEDIA_ROOT)
        media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        for path in media_files:
            name = f"media/{path.relative_to(media_root).as_posix()}"
            files[name] = {"sha256": _sha256(path), "size": path.stat().st_size}
        manifest = {
            "format": 1,
            "created_at": datetime.now(UTC).isoformat(),
            "vendor": connection.vendor,
            "database_file": db_file,
            "migrations": sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()),
            "files": files,
        }
        manifest["signature"] = _sign(manifest)
        archive = output_dir / f"insurehub-backup-{stamp}.tar"
        with tarfile.open(archive, "w") as tar:
            tar.add(staging / db_file, arcname=db_file)
            for path in media_files:
                tar.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return archive


def _verified_extract(archive: Path, into: Path) -> dict:
    try:
        tar = tarfile.open(archive, "r")  # noqa: SIM115 - closed by the `with tar:` below
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"not a readable backup: {exc}") from exc
    with tar:
        try:
            manifest = json.loads(tar.extractfile("manifest.json").read())
        except (KeyError, AttributeError, ValueError) as exc:
            raise BackupError("the backup has no readable manifest") from exc
        if not hmac.compare_digest(manifest.get("signature", ""), _sign(manifest)):
            raise BackupError("the manifest's signature does not match: the backup was altered or signed elsewhere")
        members = {m.name: m for m in tar.getmembers() if m.isfile() and m.name != "manifest.json"}
        if set(members) != set(manifest["files"]):
            raise BackupError("the backup's files differ from its manifest")
        tar.extractall(into, members=list(members.values()), filter="data")
    for name, meta in manifest["files"].items():
        if _sha256(into / name) != meta["sha256"]:
            raise BackupError(f"{name} does not match its checksum")
    return manifest


def backup_restore(*, archive: Path) -> dict:
    """Verify everything first; then replace the database and the media folder."""
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        manifest = _verified_extract(archive, staging)
        if manifest["vendor"] != connection.vendor:
            raise BackupError(f"a {manifest['vendor']} backup cannot be restored into {connection.vendor}")
        db_file = staging / manifest["database_file"]
        if connection.vendor == "postgresql":
            args, env = _pg_env()
            command = [
                "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                *args, "--dbname", connection.settings_dict["NAME"], str(db_file),
            ]  # fmt: skip
            connection.close()
            # Security review: fixed argv, no shell.
            result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603  # nosec B603
            if result.returncode:
                raise BackupError(f"pg_restore failed: {result.stderr.strip()[:500]}")
        else:
            connection.ensure_connection()
            source = sqlite3.connect(db_file)
            with source:
                source.backup(connection.connection)
            source.close()
        media_root = Path(settings.MEDIA_ROOT)
        restored_media = staging / "media"
        if media_root.exists():
            shutil.rmtree(media_root)
        if restored_media.exists():
            shutil.copytree(restored_media, media_root)
        else:
            media_root.mkdir(parents=True, exist_ok=True)
    return manifest
