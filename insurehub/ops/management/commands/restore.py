from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from insurehub.ops.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup made by `backup`, after verifying its manifest and every checksum."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="confirm: the database and media are replaced")

    def handle(self, *args, archive, yes, **options):
        if not yes:
            raise CommandError("Restoring replaces the database and media; pass --yes to confirm.")
        try:
            manifest = backup_restore(archive=Path(archive))
        except BackupError as exc:
            raise CommandError(f"Refused: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored backup of {manifest['created_at']} ({len(manifest['files'])} files verified)."
            )
        )
