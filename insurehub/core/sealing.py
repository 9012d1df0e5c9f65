"""Seal a table's encrypted columns in place, batch by batch (key rotation and the data migrations
that encrypt columns which were plaintext).

Rows are read by primary key order with raw SQL (the stored text, not the decrypted value), and
each batch is written in its own transaction. A value already sealed under the primary key is left
alone, so an interrupted run started again skips what is done and resumes where it stopped. A
plaintext value is sealed and, when the field has a blind index, the index is filled from it.
"""

from collections.abc import Callable, Mapping

from django.db import connection, transaction

from insurehub.core import encryption
from insurehub.core.fields import EncryptedTextField, encrypted_fields

# field name -> (blind index field name, purpose, normaliser applied before hashing)
BlindIndexes = Mapping[str, tuple[str, str, Callable[[str], str]]]


def seal_model(
    model,
    fields: list[EncryptedTextField] | None = None,
    *,
    blind_indexes: BlindIndexes | None = None,
    batch_size: int = 500,
    after_batch: Callable[[int], None] | None = None,
) -> int:
    """Seal `fields` (default: every encrypted field of `model`) under the primary key; returns the
    number of rows written. `after_batch(rows_written_so_far)` runs after each committed batch."""
    fields = encrypted_fields(model) if fields is None else fields
    if not fields:
        return 0
    blind_indexes = blind_indexes or {}
    primary = encryption.key_ring().primary_id
    table = connection.ops.quote_name(model._meta.db_table)
    pk_column = connection.ops.quote_name(model._meta.pk.column)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    written = 0
    last_pk = None
    while True:
        where = f"WHERE {pk_column} > %s" if last_pk is not None else ""
        # Security review: identifiers quoted, values bound.
        sql = f"SELECT {pk_column}, {columns} FROM {table} {where} ORDER BY {pk_column} LIMIT %s"  # noqa: S608  # nosec B608
        with connection.cursor() as cursor:
            cursor.execute(sql, [last_pk, batch_size] if last_pk is not None else [batch_size])
            rows = cursor.fetchall()
        if not rows:
            return written
        with transaction.atomic():
            for pk, *values in rows:
                updates = _updates(fields, values, primary, blind_indexes)
                if updates:
                    model._base_manager.filter(pk=pk).update(**updates)
                    written += 1
        last_pk = rows[-1][0]
        if after_batch is not None:
            after_batch(written)


def _updates(fields, values, primary: str, blind_indexes: BlindIndexes) -> dict:
    updates = {}
    for field, value in zip(fields, values, strict=True):
        if value is not None and not isinstance(value, str):
            value = str(value)  # a driver handing back a non-text column (never after AlterField)
        if not value:
            continue
        if encryption.is_ciphertext(value):
            if encryption.key_id_of(value) == primary:
                continue
            plain = encryption.decrypt(value, context=field.encryption_context)
        else:
            plain = value
            if field.name in blind_indexes:
                index_field, purpose, normalise = blind_indexes[field.name]
                updates[index_field] = encryption.blind_index(normalise(plain), purpose=purpose)
        updates[field.attname] = encryption.encrypt(plain, context=field.encryption_context)
    return updates


def fields_named(model, *names: str) -> list[EncryptedTextField]:
    return [f for f in encrypted_fields(model) if f.name in names]
