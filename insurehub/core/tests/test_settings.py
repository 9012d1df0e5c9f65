"""The settings package (insurehub/config/settings/, docs/operations.md "Settings"): every documented
variable is read, every module's settings reach django.conf.settings, and the typed reader keeps the
project's rules (an empty variable is unset, booleans 1/true/yes/on, values taken literally)."""

import ast
import fnmatch
import importlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from insurehub.config.settings.reader import Env

ROOT = Path(settings.BASE_DIR)
PACKAGE = ROOT / "insurehub" / "config" / "settings"
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in {"__init__", "reader"})


def _read_variables() -> set[str]:
    """The names the settings pass to the reader: env.<kind>("NAME", ...)."""
    names = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "env"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    return names


def _documented_variables() -> dict[str, str]:
    """The variables in the first column of the `| variable | ...` tables of the README and operations.md."""
    found = {}
    for document in ("README.md", "docs/operations.md"):
        in_table = False
        for line in (ROOT / document).read_text().splitlines():
            if line.startswith("| variable"):
                in_table = True
            elif in_table and line.startswith("|"):
                for name in re.findall(r"`([A-Z][A-Z0-9_*]+)`", line.split("|")[1]):
                    found.setdefault(name, document)
            else:
                in_table = False
    return found


def test_every_documented_variable_is_read_by_the_settings():
    read = _read_variables()
    documented = _documented_variables()
    assert len(documented) > 20  # the tables were found
    missing = {
        name: document
        for name, document in documented.items()
        if not (any(fnmatch.fnmatch(r, name) for r in read) if "*" in name else name in read)
    }
    assert not missing, f"documented but never read by insurehub/config/settings/: {missing}"


@pytest.mark.parametrize("module", MODULES)
def test_each_modules_settings_are_in_the_settings_module(module):
    """DJANGO_SETTINGS_MODULE is the package: each module's settings are its attributes, the same objects
    (a later module extends CELERY_BEAT_SCHEDULE or SPECTACULAR_SETTINGS in place). Names with a leading
    underscore stay private to their module."""
    package = importlib.import_module("insurehub.config.settings")
    defined = vars(importlib.import_module(f"insurehub.config.settings.{module}"))
    names = [name for name in defined if name.isupper() and not name.startswith("_")]
    assert names
    for name in names:
        assert getattr(package, name) is defined[name], name


def test_reader_keeps_the_projects_rules(monkeypatch):
    env = Env()
    monkeypatch.setenv("IH_EMPTY", "")
    assert env.int("IH_EMPTY", 5) == 5 and env.str("IH_EMPTY", None) is None  # empty is unset
    assert env.str("IH_UNSET_FOR_TEST", None) is None
    for value, expected in [("1", True), ("Yes", True), (" on ", True), ("TRUE", True), ("y", False), ("2", False)]:
        monkeypatch.setenv("IH_BOOL", value)
        assert env.bool("IH_BOOL", not expected) is expected, value
    monkeypatch.setenv("IH_LIST", " a.example , b.example,,")
    assert env.list("IH_LIST", default=[]) == ["a.example", "b.example"]
    monkeypatch.setenv("IH_FLOAT", "2.5")
    assert env.float("IH_FLOAT", 1.0) == 2.5
    monkeypatch.setenv("IH_SECRET", "$IH_LIST")  # taken literally, not as a reference to IH_LIST
    assert env.str("IH_SECRET", "") == "$IH_LIST"
    monkeypatch.setenv("IH_INT", "ten")
    with pytest.raises(ImproperlyConfigured, match="IH_INT='ten' is not an integer"):
        env.int("IH_INT", 5)
    with pytest.raises(ImproperlyConfigured, match="Set the IH_UNSET_FOR_TEST"):
        env.str("IH_UNSET_FOR_TEST")
