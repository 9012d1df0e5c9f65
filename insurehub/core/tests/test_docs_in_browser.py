"""The admin and the API docs render in a real browser with the network off: Debian's Chromium
against the application under uvicorn (as `make run` serves it), every host but 127.0.0.1
unresolvable. Chromium's console shows any Content-Security-Policy violation."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[3]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# ReDoc's sidebar shows "API docs by Redocly" with a logo from cdn.redoc.ly, built into its bundle.
# The CSP blocks the request (nothing leaves) and ReDoc drops the image when it fails to load.
KNOWN_BLOCKED = ("https://cdn.redoc.ly/redoc/logo-mini.svg",)
ADMIN_HEADER_RGB = (65, 118, 144)  # the admin's header and buttons: only there when its CSS loaded

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_ENV": "development",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    uvicorn = [sys.executable, "-m", "uvicorn", "insurehub.config.asgi:application", "--host", "127.0.0.1"]
    process = subprocess.Popen(  # noqa: S603  # nosec B603: our own interpreter
        [*uvicorn, "--port", str(port), "--no-server-header", "--log-level", "warning"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"uvicorn did not start: {process.stdout.read() if process.stdout else ''}")
                time.sleep(0.2)
        yield base, tmp
    finally:
        process.terminate()
        process.wait(timeout=20)


def _chromium(url: str, tmp: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603  # nosec B603: a fixed browser binary
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp / 'chromium'}",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # the network is off
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=15000",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _violations(stderr: str) -> list[str]:
    lines = [line for line in stderr.splitlines() if "Content Security Policy" in line or "ERR_NAME_NOT" in line]
    return [line for line in lines if not any(url in line for url in KNOWN_BLOCKED)]


def test_swagger_ui_renders_every_operation_offline(server):
    base, tmp = server
    result = _chromium(f"{base}/api/docs/", tmp, "--dump-dom")
    assert _violations(result.stderr) == []
    # Swagger UI drew the operations it read from /api/schema/ (the first ones: it renders what is in
    # view), so its bundle, its preset and the start-up script ran.
    assert 'class="swagger-ui' in result.stdout
    assert 'class="opblock opblock-get"' in result.stdout
    assert 'data-path="/api/' in result.stdout


def test_redoc_renders_offline(server):
    base, tmp = server
    result = _chromium(f"{base}/api/redoc/", tmp, "--dump-dom")
    assert _violations(result.stderr) == []
    assert "InsureHub API" in result.stdout
    assert "/api/claims/" in result.stdout
    assert "fonts.googleapis.com" not in result.stdout


def test_admin_renders_styled_offline(server):
    base, tmp = server
    screenshot = tmp / "admin.png"
    result = _chromium(f"{base}/admin/login/", tmp, f"--screenshot={screenshot}", "--window-size=1000,600")
    assert _violations(result.stderr) == []
    with Image.open(screenshot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
    header_pixels = sum(count for count, rgb in colours if rgb == ADMIN_HEADER_RGB)
    assert header_pixels > 5000, "the admin's stylesheet did not apply"
