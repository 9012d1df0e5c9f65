"""The idempotency records moved to core (core.IdempotencyRecord): the keys already stored are copied
there as they are (times included), so a retry of a request made before the move is still answered with
its first answer; then payments' table is dropped."""

from django.db import migrations

COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "user_id",
    "key",
    "endpoint",
    "request_hash",
    "response_status",
    "response_body",
)


def _copy(schema_editor, source, target) -> None:
    quote = schema_editor.quote_name
    columns = ", ".join(quote(name) for name in COLUMNS)
    schema_editor.execute(
        f"INSERT INTO {quote(target._meta.db_table)} ({columns}) SELECT {columns} FROM {quote(source._meta.db_table)}"  # noqa: S608  # nosec B608 (names, no input)
    )


def copy_to_core(apps, schema_editor):
    _copy(schema_editor, apps.get_model("payments", "IdempotencyRecord"), apps.get_model("core", "IdempotencyRecord"))


def move_back(apps, schema_editor):
    core_records = apps.get_model("core", "IdempotencyRecord")
    _copy(schema_editor, core_records, apps.get_model("payments", "IdempotencyRecord"))
    core_records.objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_idempotency_record"),
        ("payments", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_to_core, move_back),
        migrations.DeleteModel(name="IdempotencyRecord"),
    ]
