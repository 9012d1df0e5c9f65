"""What each app contributes to a person's export and erasure.

An app that stores personal data has a `privacy.py` module with any of:

    def export(user) -> dict | list            # its part of the export (JSON-ready)
    def export_files(user) -> list[tuple[str, storage_key]]  # files to include in the archive
    def holds(user) -> list[str]               # reasons erasure must wait (e.g. an open claim)
    def erase(user) -> dict                    # delete or pseudonymise; return a summary

`privacy.services` discovers them in INSTALLED_APPS order, so adding an app with personal data
means writing one module, and the export/erasure tests cover it.
"""

import importlib
from functools import lru_cache
from types import ModuleType

from django.apps import apps


@lru_cache(maxsize=1)
def contributors() -> list[tuple[str, ModuleType]]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("insurehub.") or config.label == "privacy":
            continue
        try:
            module = importlib.import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.privacy":
                raise
            continue
        found.append((config.label, module))
    return found
