"""Photos go through the documents app's virus scan: these tests use clamscan with a local
signature database (Debian ships none), as the documents tests do."""

import shutil

import pytest

from insurehub.documents.tests.samples import LOCAL_HDB, LOCAL_NDB


@pytest.fixture(scope="session")
def _clamav_db(tmp_path_factory):
    directory = tmp_path_factory.mktemp("assessments-clamav-db")
    (directory / "local.hdb").write_text(LOCAL_HDB)
    (directory / "local.ndb").write_text(LOCAL_NDB)
    return directory


@pytest.fixture(autouse=True)
def _scanner(settings, _clamav_db):
    settings.CLAMD_SOCKET = ""
    settings.CLAMD_HOST = ""
    settings.CLAMAV_DB_DIR = str(_clamav_db)
    settings.CLAMSCAN_PATH = "clamscan" if shutil.which("clamscan") else "/nonexistent/clamscan"


@pytest.fixture
def clean_scans():
    if not shutil.which("clamscan"):
        pytest.skip("clamscan is not installed (scripts/system-deps.sh)")


@pytest.fixture
def no_scanner(settings):
    settings.CLAMSCAN_PATH = "/nonexistent/clamscan"
    return settings
