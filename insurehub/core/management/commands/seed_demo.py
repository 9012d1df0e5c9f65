"""Load the demo data: each installed InsureHub app that has a `demo` module adds its part.

Idempotent: every app's `seed(context)` looks before it creates. Apps run in
INSTALLED_APPS order and pass what they made to the next through `context`
(e.g. context["users"]["customer"]).
"""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from insurehub.core import request_context


class Command(BaseCommand):
    help = "Create the demo users and demo records (idempotent)."

    def handle(self, *args, **options):
        context: dict = {}
        with request_context.bind(request_id="seed_demo", user_agent="manage.py seed_demo"):
            for config in apps.get_app_configs():
                if not config.name.startswith("insurehub."):
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                with transaction.atomic():
                    module.seed(context)
                self.stdout.write(f"  seeded {config.label}")
        self.stdout.write(self.style.SUCCESS("Demo data ready. Every demo user's password is insurehub-demo."))
