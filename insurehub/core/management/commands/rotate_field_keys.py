"""Re-encrypt every encrypted field under the primary key of FIELD_ENCRYPTION_KEYS.

Works in batches, each its own transaction; a row already under the primary key is skipped,
so the command can be stopped and run again and it resumes where it was. The data keys of
encrypted files (core.FileKey) are re-sealed too; the files themselves are never rewritten.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from insurehub.core import encryption
from insurehub.core.encrypted_storage import rewrap_file_keys
from insurehub.core.fields import encrypted_fields


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
            rotated = self._rotate_model(model, fields, primary, batch_size)
            total += rotated
            if rotated:
                self.stdout.write(f"  {model._meta.label}: {rotated} rows re-encrypted")
        files = rewrap_file_keys(batch_size=batch_size)
        if files:
            self.stdout.write(f"  core.FileKey: {files} file keys re-sealed (the files are not rewritten)")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} rows now under key {primary!r}."))

    def _rotate_model(self, model, fields, primary, batch_size) -> int:
        table = connection.ops.quote_name(model._meta.db_table)
        pk_column = connection.ops.quote_name(model._meta.pk.column)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        rotated = 0
        last_pk = None
        while True:
            where = f"WHERE {pk_column} > %s" if last_pk is not None else ""
            # Security review: identifiers quoted, values bound.
            sql = f"SELECT {pk_column}, {columns} FROM {table} {where} ORDER BY {pk_column} LIMIT %s"  # noqa: S608  # nosec B608
            with connection.cursor() as cursor:
                cursor.execute(sql, [last_pk, batch_size] if last_pk is not None else [batch_size])
                rows = cursor.fetchall()
            if not rows:
                return rotated
            with transaction.atomic():
                for pk, *values in rows:
                    updates = {}
                    for field, value in zip(fields, values, strict=True):
                        if value and encryption.is_ciphertext(value) and encryption.key_id_of(value) != primary:
                            plain = encryption.decrypt(value, context=field.encryption_context)
                            updates[field.attname] = encryption.encrypt(plain, context=field.encryption_context)
                        elif value and not encryption.is_ciphertext(value):
                            updates[field.attname] = encryption.encrypt(value, context=field.encryption_context)
                    if updates:
                        model._base_manager.filter(pk=pk).update(**updates)
                        rotated += 1
            last_pk = rows[-1][0]
