from django.core.management.base import BaseCommand, CommandError

from insurehub.audit.selectors import audit_chain_report
from insurehub.audit.services import audit_seal


class Command(BaseCommand):
    help = (
        "Seal the committed entries not sealed yet, then verify the audit log's keyed hash chain against "
        "its head and the last published checkpoint; report the first broken link, if any."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-seal", action="store_true", help="Verify only; do not seal pending entries first.")

    def handle(self, *args, **options):
        if not options["no_seal"]:
            audit_seal()
        report = audit_chain_report()
        if report.broken:
            raise CommandError(
                f"Audit chain broken at entry #{report.broken.sequence}: {report.broken.reason} "
                f"({report.checked} verified before it)."
            )
        pending = f"; {report.unsealed} entries not sealed yet" if report.unsealed else ""
        checkpoint = (
            f", consistent with the checkpoint at #{report.checkpoint_sequence}"
            if report.checkpoint_sequence is not None
            else ""
        )
        self.stdout.write(
            self.style.SUCCESS(f"Audit chain intact: {report.checked} entries verified{checkpoint}{pending}.")
        )
