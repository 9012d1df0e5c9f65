from django.core.management.base import BaseCommand, CommandError

from insurehub.dashboard import rollups
from insurehub.dashboard.selectors import forget_cached_figures


class Command(BaseCommand):
    help = "Recompute the dashboard rollups from the raw claims (or, with --check, report differences)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="only compare; exit 1 when they differ")

    def handle(self, *args, check, **options):
        if check:
            problems = rollups.verify()
            if problems:
                raise CommandError(f"Rollups differ from the raw claims: {problems}")
            self.stdout.write(self.style.SUCCESS("Rollups equal the raw aggregates."))
            return
        counts = rollups.rebuild()
        forget_cached_figures()
        self.stdout.write(self.style.SUCCESS(f"Rebuilt: {counts}"))
