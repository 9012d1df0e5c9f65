from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from insurehub.core.errors import ApplicationError
from insurehub.payments.payouts.batches import payout_batch_create
from insurehub.users.models import User


class Command(BaseCommand):
    help = (
        "Make one bank payout file (CSV, docs/operations.md) of every bank payout waiting for one, and write it "
        "to FILE. Run it once per bank run; reconcile the bank's statement to mark the payouts paid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the CSV")
        parser.add_argument("--by", required=True, help="e-mail of the supervisor or admin making the run")
        parser.add_argument("--currency", default="KES")

    def handle(self, *args, file, by, currency, **options):
        user = User.objects.filter(email__iexact=by, role__in=("supervisor", "admin"), is_active=True).first()
        if user is None:
            raise CommandError(f"{by} is not an active supervisor or admin.")
        try:
            batch = payout_batch_create(created_by=user, currency=currency.upper())
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        Path(file).write_text(batch.content, encoding="utf-8")
        self.stdout.write(f"{batch.reference}: {batch.line_count} payouts, {batch.total} {batch.currency} -> {file}")
