"""Payouts pending before payout providers existed were being paid by finance by hand: they stay that way
(stage `confirming`, confirmed with payout_confirm), so none is sent again by B2C or put in a bank file."""

from django.db import migrations


def existing_payouts_confirming(apps, schema_editor):
    Transaction = apps.get_model("payments", "Transaction")
    Transaction.objects.filter(direction="out", status="pending", payout_stage="").exclude(method="card").update(
        payout_stage="confirming"
    )


class Migration(migrations.Migration):
    dependencies = [("payments", "0004_payout_providers")]

    operations = [migrations.RunPython(existing_payouts_confirming, migrations.RunPython.noop)]
