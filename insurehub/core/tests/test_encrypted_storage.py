"""Local files sealed on disk (core.encrypted_storage): raw bytes hold no plaintext, reads give it back
(seekable, Range-style), tampering and truncation fail with the one error shape, rotation re-seals key
rows without touching a file, and legacy plaintext files are sealed in place, resumably."""

import hashlib
import io
import os
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command

from insurehub.core import encrypted_storage as es
from insurehub.core import encryption
from insurehub.core.models import FileKey

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"IHDR-secret-customer-photo" * 5000  # ~130 KB: three chunks
PDF = b"%PDF-1.7\n" + b"Jane Customer, ID 12345678, +254700000001\n" * 3000

KEY_A = "ka:" + "A" * 43
KEY_B = "kb:" + "B" * 43


def _raw(storage, name: str) -> bytes:
    return Path(storage.path(name)).read_bytes()


@pytest.mark.parametrize("alias", ["default", "documents"])
@pytest.mark.parametrize("content", [PNG, PDF, b"", b"x" * es.CHUNK_SIZE, b"y" * (2 * es.CHUNK_SIZE + 1)])
def test_every_local_personal_storage_seals_what_it_saves(alias, content):
    storage = storages[alias]
    assert isinstance(storage, es.EncryptedFileSystemStorage)
    name = storage.save("personal/file.bin", ContentFile(content))
    raw = _raw(storage, name)
    assert raw.startswith(es.MAGIC)
    if content:
        assert content[:8] not in raw  # neither the PNG/PDF magic ...
        assert b"secret-customer" not in raw and b"12345678" not in raw  # ... nor the personal text
    with storage.open(name, "rb") as handle:
        assert handle.read() == content
    assert storage.size(name) == len(content)
    row = FileKey.objects.get(scope="media", name=name)
    assert row.key_id == encryption.key_ring().primary_id and not row.pending
    assert "enc1:" in row.wrapped_key


def test_reads_are_seekable_like_a_range_request():
    name = default_storage.save("ranges.bin", ContentFile(PNG))
    with default_storage.open(name, "rb") as handle:
        assert handle.size == len(PNG)
        handle.seek(es.CHUNK_SIZE - 5)
        assert handle.read(10) == PNG[es.CHUNK_SIZE - 5 : es.CHUNK_SIZE + 5]  # across a chunk boundary
        handle.seek(-7, os.SEEK_END)
        assert handle.read() == PNG[-7:]
        assert handle.tell() == len(PNG)
        with pytest.raises(io.UnsupportedOperation):
            handle.fileno()  # a server's sendfile must not send the sealed bytes


def test_saving_never_moves_the_uploads_plaintext_temporary_file(tmp_path):
    from django.core.files.uploadedfile import TemporaryUploadedFile

    upload = TemporaryUploadedFile("scan.pdf", "application/pdf", len(PDF), None)
    upload.write(PDF)
    upload.flush()
    name = default_storage.save("uploads/scan.pdf", upload)
    assert b"%PDF" not in _raw(default_storage, name)
    assert Path(upload.temporary_file_path()).exists()  # copied (sealed), not moved in
    upload.close()


def test_delete_removes_the_key_row():
    name = default_storage.save("gone.bin", ContentFile(b"data"))
    default_storage.delete(name)
    assert not default_storage.exists(name)
    assert not FileKey.objects.filter(name=name).exists()


def _expect_integrity_error(name):
    with pytest.raises(es.FileIntegrityError) as caught, default_storage.open(name, "rb") as handle:
        handle.read()
    assert caught.value.code == "file_unreadable" and caught.value.status == 500
    return caught.value


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[:-1], id="truncated-mid-chunk"),
        pytest.param(lambda raw: raw[: es.HEADER_SIZE + es.CHUNK_SIZE + es.TAG_SIZE], id="cut-at-a-chunk-boundary"),
        pytest.param(lambda raw: raw + b"\0" * (es.CHUNK_SIZE + es.TAG_SIZE), id="extended"),
        pytest.param(lambda raw: raw[:100] + bytes([raw[100] ^ 1]) + raw[101:], id="bit-flipped"),
        pytest.param(
            lambda raw: (
                raw[: es.HEADER_SIZE]
                + raw[es.HEADER_SIZE + es.CHUNK_SIZE + es.TAG_SIZE : es.HEADER_SIZE + 2 * (es.CHUNK_SIZE + es.TAG_SIZE)]
                + raw[es.HEADER_SIZE : es.HEADER_SIZE + es.CHUNK_SIZE + es.TAG_SIZE]
                + raw[es.HEADER_SIZE + 2 * (es.CHUNK_SIZE + es.TAG_SIZE) :]
            ),
            id="chunks-swapped",
        ),
        pytest.param(lambda raw: PNG, id="replaced-by-plaintext"),
    ],
)
def test_tampered_or_truncated_files_fail_to_decrypt(damage):
    name = default_storage.save("tampered.png", ContentFile(PNG))
    path = Path(default_storage.path(name))
    path.write_bytes(damage(path.read_bytes()))
    _expect_integrity_error(name)


def test_a_sealed_file_copied_under_another_name_does_not_decrypt():
    first = default_storage.save("a.bin", ContentFile(PDF))
    second = default_storage.save("b.bin", ContentFile(b"other"))
    Path(default_storage.path(second)).write_bytes(_raw(default_storage, first))
    _expect_integrity_error(second)
    FileKey.objects.filter(name=first).delete()
    _expect_integrity_error(first)  # key row gone: sealed file without its key


def test_legacy_plaintext_files_still_read():
    path = Path(default_storage.path("legacy/old.pdf"))
    path.parent.mkdir(parents=True)
    path.write_bytes(PDF)
    with default_storage.open("legacy/old.pdf", "rb") as handle:
        assert handle.read() == PDF


def _sha(storage, name):
    return hashlib.sha256(_raw(storage, name)).hexdigest()


def test_rotation_rewraps_file_keys_without_rewriting_files(settings):
    settings.FIELD_ENCRYPTION_KEYS = KEY_A
    names = [default_storage.save(f"rot/{i}.bin", ContentFile(PDF + bytes([i]))) for i in range(7)]
    before = {n: _sha(default_storage, n) for n in names}
    settings.FIELD_ENCRYPTION_KEYS = f"{KEY_B},{KEY_A}"

    real_wrap = es.wrap_key
    calls = {"n": 0}

    def failing_wrap(*args, **kwargs):  # the process dies while re-sealing the second batch
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real_wrap(*args, **kwargs)

    es.wrap_key = failing_wrap
    try:
        with pytest.raises(KeyboardInterrupt):
            es.rewrap_file_keys(batch_size=3)
    finally:
        es.wrap_key = real_wrap
    assert FileKey.objects.filter(key_id="kb").count() == 3  # the first batch committed, the second not
    out = io.StringIO()
    call_command("rotate_field_keys", "--batch-size=3", stdout=out)
    assert set(FileKey.objects.values_list("key_id", flat=True)) == {"kb"}
    assert {n: _sha(default_storage, n) for n in names} == before  # not one file byte rewritten
    settings.FIELD_ENCRYPTION_KEYS = KEY_B  # the old key retired: every file still reads
    for i, name in enumerate(names):
        with default_storage.open(name, "rb") as handle:
            assert handle.read() == PDF + bytes([i])


def _legacy(storage, name, content) -> None:
    path = Path(storage.path(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def test_encrypt_media_files_seals_legacy_files_in_place_resumably(monkeypatch):
    contents = {f"documents/ab/legacy{i}.pdf": PDF + bytes([i]) for i in range(5)}
    for name, content in contents.items():
        _legacy(default_storage, name, content)
    already = default_storage.save("documents/ab/new.pdf", ContentFile(b"sealed already"))
    already_sha = _sha(default_storage, already)

    real_replace = os.replace
    calls = {"n": 0}

    def dying_replace(src, dst):  # killed just before the third file's rename
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(es.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        call_command("encrypt_media_files", "--batch-size=2", stdout=io.StringIO())
    monkeypatch.setattr(es.os, "replace", real_replace)
    for name, content in contents.items():  # half-way: every file still reads
        with default_storage.open(name, "rb") as handle:
            assert handle.read() == content
    assert not list(Path(default_storage.location).rglob(".sealing-*"))

    out = io.StringIO()
    call_command("encrypt_media_files", "--batch-size=2", stdout=out)
    assert "3 sealed" in out.getvalue()
    for name, content in contents.items():
        raw = _raw(default_storage, name)
        assert raw.startswith(es.MAGIC) and b"%PDF" not in raw
        with default_storage.open(name, "rb") as handle:
            assert handle.read() == content
    assert _sha(default_storage, already) == already_sha
    assert not FileKey.objects.filter(pending=True).exists()
    again = io.StringIO()
    call_command("encrypt_media_files", stdout=again)
    assert "0 sealed" in again.getvalue()


def test_a_pending_row_left_after_the_rename_is_finished_by_the_next_run():
    _legacy(default_storage, "x/late.pdf", PDF)
    storage = default_storage
    assert storage.seal_in_place("x/late.pdf")
    FileKey.objects.filter(name="x/late.pdf").update(pending=True)  # died after the rename
    with storage.open("x/late.pdf", "rb") as handle:
        assert handle.read() == PDF
    assert storage.seal_in_place("x/late.pdf")
    assert not FileKey.objects.get(name="x/late.pdf").pending
    assert not storage.seal_in_place("x/late.pdf")


def test_plaintext_copy_is_removed_afterwards():
    name = default_storage.save("tool/input.png", ContentFile(PNG))
    with es.plaintext_copy(default_storage, name, suffix=".png") as path:
        assert path.read_bytes() == PNG
    assert not path.exists()


def test_the_error_reaches_an_api_client_as_a_problem():
    from insurehub.core.errors import exception_handler

    name = default_storage.save("p.bin", ContentFile(PNG))
    Path(default_storage.path(name)).write_bytes(_raw(default_storage, name)[:-3])
    error = _expect_integrity_error(name)
    response = exception_handler(error, {})
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/problem+json")
    body = __import__("json").loads(response.content)
    assert body["status"] == 500 and "integrity" in body["detail"]


def test_a_temporary_copy_left_by_a_killed_run_is_removed_and_never_taken_for_a_file():
    _legacy(default_storage, "k/a.pdf", PDF)
    leftover = Path(default_storage.path("k/.sealing-abc.tmp"))
    leftover.write_bytes(b"half a sealed copy")
    out = io.StringIO()
    call_command("encrypt_media_files", stdout=out)
    assert not leftover.exists()
    assert "1 files checked, 1 sealed" in out.getvalue()
