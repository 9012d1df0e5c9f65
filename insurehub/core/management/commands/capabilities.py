"""The start-up banner's report: readiness (database, cache) and the optional capabilities
(virus scanner, OCR engine, task broker, channel layer), probed in this configuration, with the
one thing to do for each that is missing. `make run` prints it before uvicorn starts; /readyz
answers the same from the running process."""

import json

from django.core.management.base import BaseCommand

from insurehub.core import health

MARKS = {"live": "ok", "embedded": "ok", "missing": "!!", "error": "!!"}


class Command(BaseCommand):
    help = "Report what this configuration can do: database, cache, virus scanner, OCR, task broker, channel layer."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print /readyz's report as JSON")

    def handle(self, *args, **options):
        healthy, checks = health.readiness()
        capabilities = health.capabilities()
        if options["json"]:
            report = {
                "status": "ok" if healthy else "unavailable",
                "checks": checks,
                "capabilities": {name: c.as_dict(verbose=True) for name, c in capabilities.items()},
            }
            self.stdout.write(json.dumps(report, indent=2))
            return
        labels = health.labels()
        rows = []
        for name in ("database", "cache"):
            check = checks.get(name, {})
            what = check.get("vendor") or check.get("backend") or check.get("error", "")
            rows.append((name, "ok" if check.get("status") == "ok" else "!!", check.get("status", "?"), what))
        for name, capability in capabilities.items():
            what = capability.engine + (f": {capability.detail}" if capability.detail else "")
            rows.append((labels.get(name, name), MARKS.get(capability.status, "!!"), capability.status, what))
        width = max(len(row[0]) for row in rows)
        self.stdout.write("  What this configuration can do:")
        for label, mark, status, what in rows:
            line = f"   {mark} {label.ljust(width)}  {status.ljust(8)}  {what}"
            self.stdout.write(self.style.WARNING(line) if mark == "!!" else line)
        for name, capability in capabilities.items():
            if capability.status in ("missing", "error") and capability.hint:
                self.stdout.write(self.style.WARNING(f"  {labels.get(name, name)}: {capability.hint}"))
