"""Entries appended unsealed and sealed later with a keyed hash (insurehub/audit/chain.py).

Entries sealed before this migration keep their plain SHA-256 (the head's keyed_from marks where
the keyed chain starts). On PostgreSQL the append-only trigger now lets the sealer fill an
unsealed entry's chain fields once and nothing else, and TRUNCATE of the log, and DELETE or
TRUNCATE of its head, are refused too.
"""

from django.db import migrations, models

TRIGGER_SQL = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.hash IS NULL AND OLD.sequence IS NULL
           AND (to_jsonb(NEW) - 'sequence' - 'prev_hash' - 'hash')
               = (to_jsonb(OLD) - 'sequence' - 'prev_hash' - 'hash') THEN
            RETURN NEW;  -- sealing: an unsealed entry gets its place in the chain, once
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_auditevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
CREATE OR REPLACE FUNCTION audit_chain_head_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_auditchainhead is kept (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_chain_head_kept
    BEFORE DELETE ON audit_auditchainhead
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_kept();
CREATE TRIGGER audit_chain_head_no_truncate
    BEFORE TRUNCATE ON audit_auditchainhead
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_kept();
"""

DROP_TRIGGER_SQL = """
DROP TRIGGER IF EXISTS audit_chain_head_no_truncate ON audit_auditchainhead;
DROP TRIGGER IF EXISTS audit_chain_head_kept ON audit_auditchainhead;
DROP FUNCTION IF EXISTS audit_chain_head_kept();
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent;
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_auditevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def mark_keyed_from(apps, schema_editor):
    head, _ = apps.get_model("audit", "AuditChainHead").objects.get_or_create(id=1)
    head.keyed_from = head.sequence + 1
    head.save(update_fields=["keyed_from"])


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER_SQL, params=None)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER_SQL, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_chain_head_and_append_only_trigger"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="auditevent",
            options={"ordering": ["-id"]},
        ),
        migrations.AddField(
            model_name="auditchainhead",
            name="keyed_from",
            field=models.PositiveBigIntegerField(default=1),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(blank=True, max_length=64, null=True, unique=True),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(blank=True, editable=False, null=True, unique=True),
        ),
        migrations.RunPython(mark_keyed_from, migrations.RunPython.noop),
        migrations.RunPython(add_triggers, drop_triggers),
    ]
