from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from insurehub.core.errors import ApplicationError
from insurehub.payments.services import bank_statement_reconcile


class Command(BaseCommand):
    help = (
        "Credit bank transfers, and mark our payout files' payouts paid (debit lines, negative amounts), from a "
        "statement CSV (date, reference, amount, currency, bank_reference)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            report = bank_statement_reconcile(content=Path(file).read_text(encoding="utf-8-sig"), reconciled_by=None)
        except (OSError, ApplicationError) as exc:
            raise CommandError(str(getattr(exc, "message", exc))) from exc
        self.stdout.write(
            f"matched {len(report['matched'])}, already credited {len(report['already_credited'])}, "
            f"unmatched {len(report['unmatched'])}; payouts paid out {len(report['paid_out'])}, "
            f"duplicate {len(report['duplicate'])}"
        )
        for line in report["unmatched"] + report["duplicate"]:
            self.stdout.write(f"  line {line['line']}: {line.get('reference', '')} - {line['reason']}")
