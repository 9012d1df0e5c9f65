from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from insurehub.ops.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and media with a signed manifest of checksums."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="var/backups")

    def handle(self, *args, output_dir, **options):
        try:
            archive = backup_create(output_dir=Path(output_dir))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Backup written: {archive}"))
