"""Virus scanning with ClamAV: clamd's INSTREAM over its socket, else `clamscan`, else none.

`scanner()` picks the engine from settings each call; `scan(stream)` reads the file in chunks
(it may come from S3) and answers a ScanResult. A scanner that cannot answer (clamd down, a
database missing) gives status "error", never "clean".
"""

import os
import shutil
import socket
import struct
import subprocess  # nosec B404
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings

from insurehub.core.health import Capability

CHUNK = 64 * 1024
# Where freshclam keeps the signatures clamscan reads when CLAMAV_DB_DIR is not set (Debian).
FRESHCLAM_DB_DIR = "/var/lib/clamav"
SIGNATURE_SUFFIXES = (".cvd", ".cld", ".cud", ".hdb", ".hsb", ".mdb", ".msb", ".ndb", ".ldb", ".cdb", ".yar", ".yara")
LOCAL_DATABASE = {"local.hdb", "local.ndb"}  # what scripts/system-deps.sh writes: EICAR only
INSTALL_HINT = "Run: sudo scripts/system-deps.sh"


@dataclass(frozen=True)
class ScanResult:
    status: str  # one of models.ScanStatus
    engine: str
    signature: str = ""
    detail: str = ""


class ClamdScanner:
    engine = "clamd"

    def __init__(self, *, socket_path: str = "", host: str = "", port: int = 3310, timeout: float = 30.0):
        self.socket_path, self.host, self.port, self.timeout = socket_path, host, port, timeout

    def _connect(self) -> socket.socket:
        if self.socket_path:
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            conn.settimeout(self.timeout)
            conn.connect(self.socket_path)
            return conn
        return socket.create_connection((self.host, self.port), timeout=self.timeout)

    @staticmethod
    def _read_reply(conn: socket.socket) -> str:
        reply = b""
        while not reply.endswith(b"\0"):
            chunk = conn.recv(4096)
            if not chunk:
                break
            reply += chunk
        return reply.rstrip(b"\0").decode("utf-8", "replace").strip()

    def ping(self) -> bool:
        return self._command(b"zPING\0") == "PONG"

    def version(self) -> str:
        """clamd's version and signature version ("ClamAV 1.4.6/27851/..."), "" when it does not answer."""
        return self._command(b"zVERSION\0")

    def _command(self, command: bytes) -> str:
        try:
            with self._connect() as conn:
                conn.sendall(command)
                return self._read_reply(conn)
        except OSError:
            return ""

    def scan(self, stream: BinaryIO) -> ScanResult:
        try:
            with self._connect() as conn:
                conn.sendall(b"zINSTREAM\0")
                while chunk := stream.read(CHUNK):
                    conn.sendall(struct.pack("!L", len(chunk)) + chunk)
                conn.sendall(struct.pack("!L", 0))
                reply = self._read_reply(conn)
        except OSError as exc:
            return ScanResult("error", self.engine, detail=f"clamd unreachable: {exc}")
        # "stream: OK", "stream: <signature> FOUND", "INSTREAM size limit exceeded. ERROR"
        if reply.endswith(" FOUND"):
            signature = reply.removeprefix("stream:").removesuffix("FOUND").strip()
            return ScanResult("infected", self.engine, signature=signature)
        if reply.endswith(": OK") or reply == "OK":
            return ScanResult("clean", self.engine)
        return ScanResult("error", self.engine, detail=reply[:200])


class ClamscanScanner:
    engine = "clamscan"

    def __init__(self, *, path: str, database: str = "", timeout: float = 120.0):
        self.path, self.database, self.timeout = path, database, timeout

    def scan(self, stream: BinaryIO) -> ScanResult:
        command = [self.path, "--no-summary", "--stdout", "--infected"]
        if self.database:
            command.append(f"--database={self.database}")
        command.append("-")
        try:
            process = subprocess.Popen(  # noqa: S603  # nosec B603
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            try:
                while chunk := stream.read(CHUNK):
                    process.stdin.write(chunk)
            except BrokenPipeError:
                pass  # clamscan gave up early; its exit code says why
            finally:
                process.stdin.close()
                process.stdin = None  # communicate() must not touch the closed pipe
            out, err = process.communicate(timeout=self.timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return ScanResult("error", self.engine, detail=f"clamscan failed: {exc}")
        if process.returncode == 0:
            return ScanResult("clean", self.engine)
        if process.returncode == 1:
            line = out.decode("utf-8", "replace").strip().splitlines()[0]
            signature = line.split(":", 1)[-1].removesuffix("FOUND").strip()
            return ScanResult("infected", self.engine, signature=signature)
        return ScanResult("error", self.engine, detail=err.decode("utf-8", "replace").strip()[:200])


class NoScanner:
    engine = "none"

    def scan(self, stream: BinaryIO) -> ScanResult:
        return ScanResult("unscanned", self.engine, detail="No virus scanner is configured or installed.")


def scanner():
    """The engine the settings choose: clamd when configured, else clamscan when installed."""
    if settings.CLAMD_SOCKET or settings.CLAMD_HOST:
        return ClamdScanner(
            socket_path=settings.CLAMD_SOCKET,
            host=settings.CLAMD_HOST,
            port=settings.CLAMD_PORT,
            timeout=settings.CLAMD_TIMEOUT_SECONDS,
        )
    path = shutil.which(settings.CLAMSCAN_PATH)
    if path:
        return ClamscanScanner(path=path, database=settings.CLAMAV_DB_DIR)
    return NoScanner()


def _signature_files(directory: str) -> list[str]:
    try:
        return sorted(name for name in os.listdir(directory) if name.endswith(SIGNATURE_SUFFIXES))
    except OSError:
        return []


def _clamscan_version(path: str) -> str:
    try:
        done = subprocess.run(  # noqa: S603  # nosec B603
            [path, "--version"], capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return "clamscan"
    return done.stdout.decode("utf-8", "replace").strip().split("/")[0] or "clamscan"


def capability() -> Capability:
    """The virus scanner uploads go through, for /readyz and the start-up banner (never scans a file)."""
    engine = scanner()
    if isinstance(engine, ClamdScanner):
        where = engine.socket_path or f"{engine.host}:{engine.port}"
        probe = ClamdScanner(
            socket_path=engine.socket_path, host=engine.host, port=engine.port, timeout=min(engine.timeout, 1.0)
        )
        version = probe.version()
        if version:
            return Capability("live", "clamd", f"{version} at {where}")
        return Capability(
            "error",
            "clamd",
            f"clamd at {where} does not answer",
            "uploads are kept as 'error' (never served) and scanned again when clamd is back",
        )
    if isinstance(engine, ClamscanScanner):
        database = engine.database or FRESHCLAM_DB_DIR
        files = _signature_files(database)
        if not files:
            return Capability(
                "error",
                "clamscan",
                f"no signature database in {database}",
                f"every upload is kept as 'error' (never served). {INSTALL_HINT} (a local EICAR database) or freshclam",
            )
        kind = "EICAR test signatures only" if set(files) <= LOCAL_DATABASE else "signatures"
        return Capability("live", "clamscan", f"{_clamscan_version(engine.path)}, {database} ({kind})")
    return Capability(
        "missing",
        "none",
        "neither clamd nor clamscan",
        f"uploads stay 'unscanned' (never served) and photos wait for a scan. {INSTALL_HINT}",
    )
