#!/usr/bin/env python
"""Django's command-line utility for InsureHub (bin/manage runs it with the .venv and DJANGO_ENV=development)."""

import os
import sys

HINT = "For development use bin/manage (the project's .venv, DJANGO_ENV=development) or make manage ARGS='...'."


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurehub.config.settings")
    try:
        from django.core.exceptions import ImproperlyConfigured
        from django.core.management import execute_from_command_line
    except ModuleNotFoundError as exc:
        if exc.name != "django":
            raise
        sys.exit(f"manage.py: Django is not installed for {sys.executable}. {HINT}")
    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        if "--traceback" in sys.argv:
            raise
        # A configuration error is one line, not a traceback (--traceback shows it).
        sys.exit(f"manage.py: ImproperlyConfigured: {exc}" + ("" if os.environ.get("DJANGO_ENV") else f" {HINT}"))


if __name__ == "__main__":
    main()
