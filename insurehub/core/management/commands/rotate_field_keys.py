"""Re-encrypt every encrypted field under the primary key of FIELD_ENCRYPTION_KEYS.

Works in batches, each its own transaction; a row already under the primary key is skipped,
so the command can be stopped and run again and it resumes where it was. A value still in
plaintext (written before its column was encrypted) is sealed too (core.sealing). The data keys
of encrypted files (core.FileKey) are re-sealed too; the files themselves are never rewritten.
"""

from django.apps import apps
from django.core.management.base import BaseCommand

from insurehub.core import encryption
from insurehub.core.encrypted_storage import rewrap_file_keys
from insurehub.core.fields import encrypted_fields
from insurehub.core.sealing import seal_model


class Command(BaseCommand):
    help = "Re-encrypt encrypted fields with the first key of FIELD_ENCRYPTION_KEYS (resumable)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        primary = encryption.key_ring().primary_id
        total = 0
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if not fields:
                continue
            rotated = seal_model(
                model, fields, blind_indexes=getattr(model, "BLIND_INDEXES", None), batch_size=batch_size
            )
            total += rotated
            if rotated:
                self.stdout.write(f"  {model._meta.label}: {rotated} rows re-encrypted")
        files = rewrap_file_keys(batch_size=batch_size)
        if files:
            self.stdout.write(f"  core.FileKey: {files} file keys re-sealed (the files are not rewritten)")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} rows now under key {primary!r}."))
