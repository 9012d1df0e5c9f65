"""The OpenAPI schema documents every operation, keeps code comments out, describes uploads,
and carries the API and WebSocket documents (core/schema.py says how it is read)."""

import inspect
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from drf_spectacular.generators import EndpointEnumerator, SchemaGenerator
from rest_framework import serializers
from rest_framework.parsers import JSONParser, MultiPartParser

from insurehub.core.schema import documents_description, handler_docstring, split_docstring

METHODS = ("get", "post", "put", "patch", "delete")
# A summary says what the operation does, as an order: "List claims", not "Lists claims" or "Listing claims".
NOT_IMPERATIVE = re.compile(r"^[A-Z][a-z]*(?:[a-z]{2}ing|[^s]s)\b")


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema):
    for path, item in schema["paths"].items():
        for method in METHODS:
            if method in item:
                yield f"{method.upper()} {path}", item[method]


def test_the_schema_has_all_the_operations(schema):
    assert len(list(_operations(schema))) > 100


def test_every_operation_has_a_summary_and_a_description(schema):
    missing = [name for name, op in _operations(schema) if not op.get("summary") or not op.get("description")]
    assert not missing, f"document these handlers (docstring: summary line, blank line, description): {missing}"


def test_summaries_are_short_imperative_lines(schema):
    bad = []
    for name, op in _operations(schema):
        summary = op["summary"]
        too_long_or_untidy = len(summary) > 80 or "\n" in summary or summary.endswith(".")
        if too_long_or_untidy or not summary[0].isupper() or NOT_IMPERATIVE.match(summary):
            bad.append((name, summary))
    assert not bad, bad


def test_descriptions_say_who_may_call_and_what_can_go_wrong(schema):
    bad = []
    for name, op in _operations(schema):
        starts = {paragraph.split(":", 1)[0] for paragraph in op["description"].split("\n\n")}
        if not {"Access", "Errors"} <= starts:
            bad.append(name)
    assert not bad, f"descriptions need an 'Access: ...' and an 'Errors: ...' paragraph: {bad}"


def test_idempotent_operations_explain_the_key(schema):
    bad = []
    for name, op in _operations(schema):
        takes_key = any(p.get("name") == "Idempotency-Key" for p in op.get("parameters", []))
        if takes_key and "Idempotency-Key" not in op["description"]:
            bad.append(name)
    assert not bad, bad


def _project_serializer_docstrings() -> set[str]:
    found, pending = set(), [serializers.BaseSerializer]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        for klass in cls.__mro__:
            if klass.__module__.startswith("insurehub.") and klass.__doc__:
                found.add(inspect.cleandoc(klass.__doc__))
    return found


def test_serializer_docstrings_never_become_descriptions(schema):
    docstrings = _project_serializer_docstrings()
    assert docstrings, "expected some serializer docstrings to check against"
    text = json.dumps(schema)
    leaked = [doc for doc in docstrings if json.dumps(doc)[1:-1] in text]
    assert not leaked, leaked


def test_components_have_a_description_only_when_given_one(schema):
    # Enums list their choices; any other component's description was set on purpose with
    # extend_schema_serializer(description=...) and so reads as documentation.
    described = {
        name: component["description"]
        for name, component in schema["components"]["schemas"].items()
        if component.get("description") and "enum" not in component
    }
    for name, description in described.items():
        assert not description.startswith(("Refuse", "TODO", "XXX", "Internal", "Note:")), (name, description)
        assert description.endswith((".", ")")), (name, description)


def test_json_bodies_are_json_only(schema):
    for name, op in _operations(schema):
        content = op.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            assert list(content) == ["application/json"], name


def _upload_endpoints():
    for path, _regex, method, view in EndpointEnumerator().get_api_endpoints():
        parsers = getattr(view.cls, "parser_classes", [])
        if method in ("POST", "PUT", "PATCH") and MultiPartParser in parsers and JSONParser not in parsers:
            yield method.lower(), path


def _resolve(schema, ref_or_schema):
    ref = ref_or_schema.get("$ref")
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]] if ref else ref_or_schema


def _is_binary(prop) -> bool:
    return prop.get("format") == "binary" or prop.get("items", {}).get("format") == "binary"


def test_uploads_are_multipart_with_binary_files_and_described_fields(schema):
    uploads = {(method, path) for method, path in _upload_endpoints()}
    uploads.add(("post", "/api/documents/upload/"))  # reads the body itself (streamed, hashed)
    assert ("post", "/api/assessments/{assessment_id}/photos/") in uploads
    assert ("post", "/api/payments/bank-statements/reconcile/") in uploads
    for method, path in sorted(uploads):
        body = schema["paths"][path][method]["requestBody"]
        assert list(body["content"]) == ["multipart/form-data"], path
        form = _resolve(schema, body["content"]["multipart/form-data"]["schema"])
        files = [name for name, prop in form["properties"].items() if _is_binary(prop)]
        assert files, f"{path}: the file field is not binary"
        undescribed = [name for name, prop in form["properties"].items() if not prop.get("description")]
        assert not undescribed, f"{path}: describe the form fields {undescribed}"


def test_handler_docstrings_come_from_our_classes_only():
    class Base:
        def get(self):
            """Not ours: a library's handler."""

    Base.__module__ = "rest_framework.generics"

    class Ours(Base):
        def post(self):
            """Create a thing.

            Access: anyone.

            Errors: none."""

    Ours.__module__ = "insurehub.things.api.views"
    assert handler_docstring(Ours(), "get") == ""
    summary, description = split_docstring(handler_docstring(Ours(), "post"))
    assert summary == "Create a thing"
    assert description.startswith("Access: anyone.")


# --- the documents ------------------------------------------------------------------------


def test_the_schema_description_is_the_api_and_realtime_documents(schema):
    description = schema["info"]["description"]
    assert description == documents_description()
    for name in ("api.md", "realtime.md"):
        assert (Path(settings.BASE_DIR) / "docs" / name).read_text().strip() in description


def _published_event_types() -> set[str]:
    """Event types named where they are published: emit("x.y", ...) (or publish), or an app's
    _event(obj, "x.y", ...). (A type built at run time would escape this scan: name types literally.)"""
    pattern = re.compile(r"""(?:\b(?:emit|publish)\(\s*|\b_event\(\s*[\w.]+,\s*)["']([a-z_]+\.[a-z_]+)["']""")
    found = set()
    for path in (Path(settings.BASE_DIR) / "insurehub").rglob("*.py"):
        if "tests" not in path.parts:
            found.update(pattern.findall(path.read_text()))
    return found


def test_realtime_document_names_every_event_type():
    types = _published_event_types()
    assert {"claim.created", "claim.status_changed", "payment.succeeded", "notification.created"} <= types
    realtime = (Path(settings.BASE_DIR) / "docs" / "realtime.md").read_text()
    undocumented = sorted(t for t in types if f"`{t}`" not in realtime)
    assert not undocumented, f"docs/realtime.md does not describe {undocumented}"


def test_realtime_document_matches_the_consumer():
    from insurehub.realtime import consumers

    realtime = (Path(settings.BASE_DIR) / "docs" / "realtime.md").read_text()
    codes = (consumers.CLOSE_UNAUTHORIZED, consumers.CLOSE_FORBIDDEN, consumers.CLOSE_BAD_REQUEST)
    for code in (*codes, consumers.CLOSE_TOO_BIG, consumers.CLOSE_BEHIND):
        assert f"`{code}`" in realtime
    for frame in ('"subscribe"', '"unsubscribe"', '"ping"', '"heartbeat"', '"replay.done"', '"replay.truncated"'):
        assert frame in realtime
    for setting in (
        "REALTIME_HEARTBEAT_SECONDS",
        "REALTIME_REPLAY_WINDOW_HOURS",
        "REALTIME_REPLAY_MAX_EVENTS",
        "REALTIME_MAX_FRAME_BYTES",
        "REALTIME_ORDER_WAIT_SECONDS",
        "REALTIME_SOCKET_BACKLOG",
    ):
        assert setting in realtime
