"""Fixtures for the documents tests: real ClamAV (clamscan and a clamd the tests start),
real Tesseract, and a local S3 server (moto in server mode) on 127.0.0.1."""

import shutil
import socket
import subprocess  # nosec B404
import time
from pathlib import Path

import pytest

from insurehub.documents.tests import samples
from insurehub.documents.tests.samples import LOCAL_HDB, LOCAL_NDB

CLAMD_LIMITS = Path(__file__).resolve().parents[3] / "deploy" / "clamd-limits.conf"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def png_bomb() -> bytes:
    """A real decompression bomb: 389 KB of PNG that decodes to 20000x20000 pixels (400 MB)."""
    return samples.real_png_bomb()


@pytest.fixture(scope="session")
def docx_bomb() -> bytes:
    """A real ZIP bomb shaped as a DOCX: 64 MiB of zeros in about 64 KB."""
    return samples.zip_bomb(entries=1, entry_bytes=64 * 1024 * 1024)


@pytest.fixture(scope="session")
def clamav_db(tmp_path_factory):
    """A local signature database that detects EICAR (Debian ships none; no mirrors here)."""
    directory = tmp_path_factory.mktemp("clamav-db")
    (directory / "local.hdb").write_text(LOCAL_HDB)
    (directory / "local.ndb").write_text(LOCAL_NDB)
    return directory


@pytest.fixture(autouse=True)
def _scanner_settings(settings, clamav_db):
    """By default: clamscan with the local database when installed, else no scanner."""
    settings.CLAMD_SOCKET = ""
    settings.CLAMD_HOST = ""
    settings.CLAMAV_DB_DIR = str(clamav_db)
    settings.CLAMSCAN_PATH = "clamscan" if shutil.which("clamscan") else "/nonexistent/clamscan"


@pytest.fixture
def clamscan(settings):
    if not shutil.which("clamscan"):
        pytest.skip("clamscan is not installed (apt-get install clamav; scripts/system-deps.sh)")
    return settings


@pytest.fixture
def no_scanner(settings):
    settings.CLAMSCAN_PATH = "/nonexistent/clamscan"
    return settings


@pytest.fixture(scope="session")
def clamd_server(tmp_path_factory, clamav_db):
    """clamd started for the tests on a free 127.0.0.1 port and a local socket, torn down after."""
    binary = shutil.which("clamd") or ("/usr/sbin/clamd" if shutil.os.path.exists("/usr/sbin/clamd") else None)
    if not binary:
        pytest.skip("clamd is not installed (apt-get install clamav-daemon; scripts/system-deps.sh)")
    directory = tmp_path_factory.mktemp("clamd")
    port = _free_port()
    socket_path = directory / "clamd.sock"
    config = directory / "clamd.conf"
    config.write_text(
        "\n".join(
            [
                f"DatabaseDirectory {clamav_db}",
                f"LocalSocket {socket_path}",
                f"TCPSocket {port}",
                "TCPAddr 127.0.0.1",
                "Foreground yes",
                "StreamMaxLength 25M",
                f"TemporaryDirectory {directory}",
                "LogTime no",
            ]
        )
        + "\n"
        + CLAMD_LIMITS.read_text()  # the limits production's clamd runs with
    )
    process = subprocess.Popen(  # noqa: S603  # nosec B603
        [binary, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    from insurehub.documents.scanning import ClamdScanner

    probe = ClamdScanner(host="127.0.0.1", port=port, timeout=2)
    deadline = time.monotonic() + 60
    while not probe.ping():
        if process.poll() is not None:
            pytest.fail(f"clamd exited: {process.stderr.read().decode()[:500]}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("clamd did not answer PING within 60 s")
        time.sleep(0.05)
    yield {"host": "127.0.0.1", "port": port, "socket": str(socket_path)}
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def clamd(settings, clamd_server):
    settings.CLAMD_HOST = clamd_server["host"]
    settings.CLAMD_PORT = clamd_server["port"]
    return clamd_server


@pytest.fixture
def tesseract():
    if not shutil.which("tesseract"):
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)")


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 in server mode on 127.0.0.1: boto speaks real HTTP to it, nothing is patched."""
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(settings, s3_server):
    import uuid

    import boto3

    bucket = f"documents-{uuid.uuid4().hex[:12]}"
    credentials = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-1", **credentials).create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_server,
                "region_name": "eu-west-1",
                "access_key": "testing",
                "secret_key": "testing",
                "default_acl": None,
                "file_overwrite": False,
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
    }
    from insurehub.documents.storage import documents_storage

    return documents_storage()
