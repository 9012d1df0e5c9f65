"""`make security`'s dependency audit: run pip-audit over requirements.lock and decide from what it did.

    known vulnerabilities          -> fail, listing them
    the service cannot be reached  -> skip, with one line saying why (no network is not a finding)
    the service answered for none of the packages (a mirror without PyPI's per-release JSON API)
                                   -> skip, with one line saying why
    some packages audited, others not, or pip-audit failed otherwise -> fail (we cannot vouch for them)
    every package audited, nothing found -> pass

Usage: python scripts/audit_dependencies.py [REQUIREMENTS] [-- extra pip-audit arguments]
"""

import json
import re
import subprocess  # nosec B404
import sys
import tempfile
from pathlib import Path

NETWORK_ERRORS = re.compile(
    r"(ConnectionError|ConnectTimeout|ReadTimeout|ProxyError|SSLError|NameResolutionError|"
    r"Max retries exceeded|Failed to establish a new connection|Temporary failure in name resolution|"
    r"Could not connect to)"
)


def audit(requirements: str, extra: list[str]) -> int:
    with tempfile.TemporaryDirectory() as directory:
        report_path = Path(directory) / "report.json"
        command = [
            sys.executable,
            "-m",
            "pip_audit",
            "--disable-pip",
            "--no-deps",
            "--progress-spinner=off",
            "--timeout=15",
            "--format=json",
            f"--output={report_path}",
            "-r",
            requirements,
            *extra,
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
        report = json.loads(report_path.read_text()) if report_path.exists() else None
    errors = done.stderr.strip()
    if report is None:
        network = NETWORK_ERRORS.search(errors)
        if network:
            last = [line for line in errors.splitlines() if NETWORK_ERRORS.search(line)][-1]
            print(f"pip-audit skipped: the vulnerability service is not reachable from here ({last.strip()[:200]})")
            return 0
        print(errors[-3000:] or f"pip-audit failed with exit code {done.returncode}", file=sys.stderr)
        return done.returncode or 1
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    if vulnerable:
        print(f"pip-audit: {len(vulnerable)} locked package(s) with known vulnerabilities:")
        for dependency in vulnerable:
            for vuln in dependency["vulns"]:
                fixes = ", ".join(vuln.get("fix_versions") or []) or "no fixed release"
                print(f"  {dependency['name']} {dependency.get('version', '')}: {vuln['id']} (fixed in {fixes})")
        return 1
    if skipped and len(skipped) == len(dependencies):
        print(
            f"pip-audit skipped: the vulnerability service answered for none of the {len(dependencies)} locked "
            f"packages ({skipped[0]['skip_reason']})"
        )
        return 0
    if skipped:
        print(f"pip-audit: {len(skipped)} of {len(dependencies)} locked packages could not be audited:")
        for dependency in skipped:
            print(f"  {dependency['skip_reason']}")
        return 1
    print(f"pip-audit: no known vulnerabilities in {len(dependencies)} locked packages")
    return 0


def main(argv: list[str]) -> int:
    extra = argv[argv.index("--") + 1 :] if "--" in argv else []
    positional = argv[: argv.index("--")] if "--" in argv else argv
    return audit(positional[0] if positional else "requirements.lock", extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
