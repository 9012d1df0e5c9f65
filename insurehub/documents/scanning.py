"""Virus scanning with ClamAV: clamd's INSTREAM over its socket, else `clamscan`, else none.

`scanner()` picks the engine from settings each call; `scan(stream)` reads the file in chunks
(it may come from S3) and answers a ScanResult. A scanner that cannot answer (clamd down, a
database missing, our timeout) gives status "error", never "clean".

The scanner's own limits (size expanded, files, recursion, time) are set with alerting on: a file
over one is reported by ClamAV as "Heuristics.Limits.Exceeded.<limit>", which we answer as
TOO_COMPLEX (refused at upload, quarantined on a rescan), never as clean or infected. clamscan gets
them as flags; clamd reads them from its clamd.conf (deploy/clamd-limits.conf).
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
# Not a models.ScanStatus: a file the scanner could not judge within its limits is never stored as
# clean; the upload refuses it and a rescan quarantines it.
TOO_COMPLEX = "too_complex"
LIMITS_EXCEEDED_PREFIX = "Heuristics.Limits.Exceeded."


@dataclass(frozen=True)
class ScanResult:
    status: str  # one of models.ScanStatus, or TOO_COMPLEX
    engine: str
    signature: str = ""
    detail: str = ""


def _detection(engine: str, signature: str) -> ScanResult:
    """A FOUND answer: a virus, or the scanner saying the file went past one of its limits."""
    if signature.startswith(LIMITS_EXCEEDED_PREFIX):
        limit = signature.removeprefix(LIMITS_EXCEEDED_PREFIX)
        return ScanResult(TOO_COMPLEX, engine, signature=signature, detail=f"over the scanner's {limit} limit")
    return ScanResult("infected", engine, signature=signature)


@dataclass(frozen=True)
class ScanLimits:
    """ClamAV's limits, in its own units (sizes like "100M", time in milliseconds)."""

    max_file_size: str
    max_scan_size: str
    max_recursion: int
    max_files: int
    max_scan_time_ms: int

    @classmethod
    def from_settings(cls) -> "ScanLimits":
        return cls(
            max_file_size=settings.CLAMAV_MAX_FILE_SIZE,
            max_scan_size=settings.CLAMAV_MAX_SCAN_SIZE,
            max_recursion=settings.CLAMAV_MAX_RECURSION,
            max_files=settings.CLAMAV_MAX_FILES,
            max_scan_time_ms=settings.CLAMAV_MAX_SCAN_TIME_MS,
        )

    def clamscan_flags(self) -> list[str]:
        return [
            f"--max-filesize={self.max_file_size}",
            f"--max-scansize={self.max_scan_size}",
            f"--max-recursion={self.max_recursion}",
            f"--max-files={self.max_files}",
            f"--max-scantime={self.max_scan_time_ms}",
            "--alert-exceeds-max=yes",
        ]

    def clamd_conf(self) -> dict[str, str]:
        """The same limits as clamd.conf directives (what deploy/clamd-limits.conf must hold)."""
        return {
            "AlertExceedsMax": "yes",
            "MaxFileSize": self.max_file_size,
            "MaxScanSize": self.max_scan_size,
            "MaxRecursion": str(self.max_recursion),
            "MaxFiles": str(self.max_files),
            "MaxScanTime": str(self.max_scan_time_ms),
        }


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
            return _detection(self.engine, reply.removeprefix("stream:").removesuffix("FOUND").strip())
        if reply.endswith(": OK") or reply == "OK":
            return ScanResult("clean", self.engine)
        return ScanResult("error", self.engine, detail=reply[:200])


class ClamscanScanner:
    engine = "clamscan"

    def __init__(self, *, path: str, database: str = "", timeout: float = 120.0, limits: ScanLimits | None = None):
        self.path, self.database, self.timeout, self.limits = path, database, timeout, limits

    def scan(self, stream: BinaryIO) -> ScanResult:
        command = [self.path, "--no-summary", "--stdout", "--infected"]
        if self.database:
            command.append(f"--database={self.database}")
        if self.limits:
            command.extend(self.limits.clamscan_flags())
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
        except subprocess.TimeoutExpired:
            process.kill()  # never leave a scanner running on a file nobody waits for
            process.communicate()
            return ScanResult("error", self.engine, detail=f"clamscan did not finish within {self.timeout:g} s")
        except OSError as exc:
            return ScanResult("error", self.engine, detail=f"clamscan failed: {exc}")
        if process.returncode == 0:
            return ScanResult("clean", self.engine)
        if process.returncode == 1:
            line = out.decode("utf-8", "replace").strip().splitlines()[0]
            return _detection(self.engine, line.split(":", 1)[-1].removesuffix("FOUND").strip())
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
        return ClamscanScanner(
            path=path,
            database=settings.CLAMAV_DB_DIR,
            timeout=settings.CLAMSCAN_TIMEOUT_SECONDS,
            limits=ScanLimits.from_settings(),
        )
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
