from django.core.management.base import BaseCommand, CommandError

from insurehub.audit.selectors import audit_chain_verify


class Command(BaseCommand):
    help = "Verify the audit log's hash chain and report the first broken link, if any."

    def handle(self, *args, **options):
        checked, broken = audit_chain_verify()
        if broken:
            raise CommandError(
                f"Audit chain broken at entry #{broken.sequence}: {broken.reason} ({checked} verified before it)."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {checked} entries verified."))
