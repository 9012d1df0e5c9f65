"""Load the demo data: each installed InsureHub app that has a `demo` module adds its part.

Idempotent: every app's `seed(context)` looks before it creates. Apps run in
INSTALLED_APPS order and pass what they made to the next through `context`
(e.g. context["users"]["customer"]).

The seed never waits on outside providers: background work runs inline (in order, so each app sees
what the previous one made), except the tasks that call providers (claim enrichment, vehicle
checks), which are left pending for their periodic retry (integrations' retry_unfinished; run
in-process under `make run`); any other provider call gets a short timeout, no retries and no
waiting for a rate limit. Its e-mails (a year of history sends over a thousand) are delivered to
memory, not to the console or an SMTP server: the notifications and their e-mail logs are there, and
nobody is mailed for a past that did not happen.
"""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from insurehub.core import request_context
from insurehub.core.tasks import providers_deferred

SEED_SETTINGS = {
    "TASKS_IN_PROCESS": "eager",
    "INTEGRATIONS_CONNECT_TIMEOUT": 0.5,
    "INTEGRATIONS_READ_TIMEOUT": 1.0,
    "INTEGRATIONS_RETRIES": 0,
    "INTEGRATIONS_RETRY_MAX_WAIT_SECONDS": 0,
    "INTEGRATIONS_RATE_LIMIT_MAX_WAIT_SECONDS": 0,
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


class Command(BaseCommand):
    help = "Create the demo users and demo records (idempotent)."

    def handle(self, *args, **options):
        context: dict = {}
        with (
            override_settings(**SEED_SETTINGS),
            providers_deferred(),
            request_context.bind(request_id="seed_demo", user_agent="manage.py seed_demo"),
        ):
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
