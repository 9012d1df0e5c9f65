"""The repository's own commands: `make run`, the browser tests' server and the image all start the
server through scripts/serve.sh, which names no server software; and `make security`'s dependency
audit decides from what pip-audit did (a finding fails, an unreachable service is a skip), against a
small OSV API server on 127.0.0.1."""

import json
import os
import re
import shlex
import socket
import subprocess  # nosec B404
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from django.conf import settings

REPO = Path(settings.BASE_DIR)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve_arguments() -> list[str]:
    """The arguments scripts/serve.sh gives uvicorn (continuation lines joined)."""
    script = (REPO / "scripts" / "serve.sh").read_text().replace("\\\n", " ")
    lines = [line for line in script.splitlines() if "-m uvicorn " in line and "asgi:application" in line]
    assert len(lines) == 1, lines
    return shlex.split(lines[0].split("-m uvicorn ", 1)[1])


def test_every_way_of_starting_the_server_goes_through_scripts_serve_sh():
    makefile = (REPO / "Makefile").read_text().replace("\\\n", " ")
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "bash scripts/serve.sh" in run_recipe and "uvicorn" not in run_recipe
    e2e = (REPO / "scripts" / "e2e-server.sh").read_text()
    assert "exec bash scripts/serve.sh" in e2e and "uvicorn" not in e2e
    dockerfile = (REPO / "Dockerfile").read_text().replace("\\\n", " ")
    command = json.loads(re.search(r"^CMD (\[.*\])\s*$", dockerfile, re.MULTILINE).group(1))
    assert command == ["bash", "scripts/serve.sh"]
    assert "COPY --chown=insurehub:insurehub scripts/serve.sh ./scripts/serve.sh" in dockerfile


def test_the_server_hides_its_software_and_believes_forwarded_headers_only_from_forwarded_allow_ips():
    arguments = _serve_arguments()
    assert "--no-server-header" in arguments and "--proxy-headers" in arguments
    assert not any(argument.startswith("--forwarded-allow-ips") for argument in arguments)  # the variable decides
    # The Date header stays: HTTP/1.1 wants it from a server with a clock, and it names nothing.
    assert "--no-date-header" not in arguments


@pytest.mark.slow
def test_the_images_collectstatic_step_starts_as_production(tmp_path):
    """The Dockerfile's build-time collectstatic runs a production process: every key the start-up
    checks demand must be in its environment, or the image does not build (no engine here to try it)."""
    dockerfile = (REPO / "Dockerfile").read_text().replace("\\\n", " ")
    step = next(line for line in dockerfile.splitlines() if "collectstatic" in line)
    command = step.removeprefix("RUN ").replace("python manage.py", f"{sys.executable} manage.py")
    command = command.replace("collectstatic --noinput", "collectstatic --noinput --dry-run")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env |= {"DJANGO_ENV": "production", "STATIC_ROOT": str(tmp_path / "static")}
    result = subprocess.run(  # noqa: S603  # nosec B603 - the Dockerfile's own step
        ["/bin/bash", "-c", command], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_served_server_answers_without_a_server_header(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_ENV": "development",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "LOG_LEVEL": "ERROR",
        "PORT": str(port),
        "MPESA_STANDIN_PORT": str(_free_port()),
        "INSUREHUB_PYTHON": sys.executable,
    }
    process = subprocess.Popen(  # nosec B603: our own script
        ["/bin/bash", "scripts/serve.sh", "--log-level", "warning"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail(f"the server did not start: {process.stdout.read() if process.stdout else ''}")
                time.sleep(0.2)
        assert response.status_code == 200
        assert "server" not in response.headers
        assert "date" in response.headers
    finally:
        process.terminate()
        process.wait(timeout=20)


# --- make security: the dependency audit ------------------------------------------------------


class _OsvApi(BaseHTTPRequestHandler):
    """POST /v1/query as OSV's API answers it (https://google.github.io/osv.dev/post-v1-query/)."""

    vulnerable: dict = {}
    failing = False

    def do_POST(self):
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.failing:
            self.send_response(500)
            self.end_headers()
            return
        name = query["package"]["name"]
        body = {}
        if name in self.vulnerable:
            body = {
                "vulns": [
                    {
                        "id": self.vulnerable[name],
                        "summary": "A test advisory",
                        "affected": [
                            {
                                "package": {"name": name, "ecosystem": "PyPI"},
                                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "99.0"}]}],
                            }
                        ],
                    }
                ]
            }
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def osv_api():
    handler = type("Handler", (_OsvApi,), {"vulnerable": {}, "failing": False})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}/v1/query"
    server.shutdown()
    server.server_close()


def _audit(tmp_path, osv_url: str) -> subprocess.CompletedProcess:
    requirements = tmp_path / "requirements.lock"
    requirements.write_text("aiosmtpd==1.4.6\nidna==3.10\n")
    return subprocess.run(  # noqa: S603  # nosec B603: our own interpreter and script
        [
            sys.executable,
            "scripts/audit_dependencies.py",
            str(requirements),
            "--",
            "--vulnerability-service=osv",
            f"--osv-url={osv_url}",
            f"--cache-dir={tmp_path / 'cache'}",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_security_audit_fails_on_a_finding(tmp_path, osv_api):
    handler, url = osv_api
    handler.vulnerable["aiosmtpd"] = "GHSA-test-0001"
    done = _audit(tmp_path, url)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "aiosmtpd 1.4.6: GHSA-test-0001 (fixed in 99.0)" in done.stdout


def test_security_audit_passes_when_every_package_is_audited_clean(tmp_path, osv_api):
    done = _audit(tmp_path, osv_api[1])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no known vulnerabilities in 2 locked packages" in done.stdout


def test_security_audit_skips_with_one_line_when_the_service_is_unreachable(tmp_path):
    done = _audit(tmp_path, f"http://127.0.0.1:{_free_port()}/v1/query")  # nothing listens
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("pip-audit skipped: the vulnerability service is not reachable from here")
    assert len(done.stdout.strip().splitlines()) == 1


def test_security_audit_fails_when_the_service_answers_with_an_error(tmp_path, osv_api):
    handler, url = osv_api
    handler.failing = True
    done = _audit(tmp_path, url)
    assert done.returncode != 0
    assert "skipped" not in done.stdout


# --- bin/manage and a bare manage.py ----------------------------------------------------------


def _without_configuration() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ENV", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    env.pop("PYTEST_XDIST_WORKER", None)
    return env


@pytest.mark.skipif(not (REPO / ".venv" / "bin" / "python").exists(), reason="no .venv in the checkout (make install)")
def test_bin_manage_runs_a_command_with_the_venv_and_development_settings(tmp_path):
    done = subprocess.run(  # noqa: S603  # nosec B603: the repository's own wrapper
        [str(REPO / "bin" / "manage"), "shell", "-c", "from django.conf import settings; print(settings.DJANGO_ENV)"],
        cwd=tmp_path,  # from anywhere
        env={**_without_configuration(), "PATH": "/usr/bin:/bin"},  # no venv on the PATH
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "development"


def test_bare_manage_py_without_configuration_fails_in_one_clear_line(tmp_path):
    done = subprocess.run(  # noqa: S603  # nosec B603: our own interpreter
        [sys.executable, str(REPO / "manage.py"), "check"],
        cwd=tmp_path,
        env=_without_configuration(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("manage.py: ImproperlyConfigured: SECRET_KEY must be set") and "bin/manage" in lines[0]
