"""Where document files live: the "documents" storage alias (local folder or S3, see settings).

Keys are random (`documents/ab/<32 hex>`); an infected file moves under `quarantine/`,
which nothing ever serves.
"""

import secrets

from django.core.files.storage import Storage, storages

QUARANTINE_PREFIX = "quarantine/"


def documents_storage() -> Storage:
    return storages["documents"]


def new_key(prefix: str = "documents") -> str:
    token = secrets.token_hex(16)
    return f"{prefix}/{token[:2]}/{token}"


def quarantine_key(key: str) -> str:
    return QUARANTINE_PREFIX + key


def move(storage: Storage, source: str, target: str) -> str:
    """Copy `source` to `target` in chunks, then delete `source`. Returns the key written."""
    with storage.open(source, "rb") as handle:
        written = storage.save(target, handle)
    storage.delete(source)
    return written


def is_s3(storage: Storage) -> bool:
    return hasattr(storage, "bucket_name")
