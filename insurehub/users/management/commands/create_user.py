from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from insurehub.core.errors import ApplicationError
from insurehub.core.roles import Department, Role
from insurehub.users.services import user_create


class Command(BaseCommand):
    help = "Create a user of any role (for operators and scripted set-ups)."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--department", default="", choices=["", *Department.values])
        parser.add_argument("--certification-level", type=int, default=0)
        parser.add_argument("--name", default="")

    def handle(self, *args, **options):
        try:
            user = user_create(
                email=options["email"],
                password=options["password"],
                role=options["role"],
                department=options["department"],
                certification_level=options["certification_level"],
                name=options["name"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(self.style.SUCCESS(f"Created {user.role} {user.email} ({user.pk})."))
