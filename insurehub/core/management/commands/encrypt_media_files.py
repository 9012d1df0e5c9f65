"""Encrypt the plaintext files of the local storages in place (files written before encryption).

Every local storage alias holding an EncryptedFileSystemStorage is walked (the aliases sharing one
folder once); each plaintext file is sealed: its key row stored (pending), the sealed copy written to
a temporary file in the same folder and flushed, renamed over the original, the row completed. Files
already sealed are skipped, so the command can be stopped at any point and run again: it finishes
what it started and nothing is lost or unreadable in between (docs/operations.md). Run one at a time.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand

from insurehub.core.encrypted_storage import EncryptedFileSystemStorage, stored_names


class Command(BaseCommand):
    help = "Encrypt existing plaintext files on local disk in place (batched, resumable)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200, help="files per progress line")
        parser.add_argument("--pause", type=float, default=0.0, help="seconds to sleep between batches")

    def handle(self, *args, batch_size, pause, **options):
        seen: set[tuple[str, str]] = set()
        total = 0
        for alias in settings.STORAGES:
            storage = storages[alias]
            if not isinstance(storage, EncryptedFileSystemStorage):
                continue
            place = (str(storage.location), storage.key_scope)
            if place in seen:
                continue
            seen.add(place)
            # A run killed outright (SIGKILL, power) leaves its sealed temporary copy: ciphertext, removed.
            for leftover in Path(storage.location).rglob(".sealing-*.tmp"):
                leftover.unlink(missing_ok=True)
            sealed = checked = 0
            for name in stored_names(storage):
                checked += 1
                if storage.seal_in_place(name):
                    sealed += 1
                if checked % batch_size == 0:
                    self.stdout.write(f"  {alias}: {checked} files checked, {sealed} sealed")
                    if pause:
                        time.sleep(pause)
            total += sealed
            self.stdout.write(f"  {alias} ({storage.location}): {checked} files checked, {sealed} sealed")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} sealed."))
