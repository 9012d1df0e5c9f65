"""How the OpenAPI schema (drf-spectacular) is read from our code.

Operations. The docstring of the method that handles the request (`get`, `post`, ... of the
view) is the operation's documentation for API users: its first line is the summary (short,
imperative: what it does for the caller), the rest the description (who may call it, what it
answers, the errors it can answer, idempotency where it matters). `extend_schema(summary=...,
description=...)` overrides either, e.g. for a handler inherited from a DRF generic view.
Class docstrings, and docstrings of DRF's own methods, are code comments and never used.

Request bodies are documented as JSON only, unless the view takes no JSON (uploads).

Components. A serializer's docstring is a code comment as well and never becomes its schema
component's description; give a component a description on purpose with
`extend_schema_serializer(description=...)`.

Answers that depend on the caller. An output serializer whose answer to customers is a smaller serializer
(staff get more fields) names it in `customer_serializer`; its component then requires only the fields
customers get too, and the others are optional (answers match the schema whoever asks).

The schema's top-level description is docs/api.md followed by docs/realtime.md (the WebSocket
protocol), so the published documents and the schema say the same thing.
"""

import inspect
from pathlib import Path

from django.conf import settings
from drf_spectacular import openapi
from drf_spectacular.drainage import get_override

PROJECT_PACKAGE = "insurehub."
DESCRIPTION_DOCUMENTS = ("docs/api.md", "docs/realtime.md")


def handler_docstring(view, method_name: str) -> str:
    """The docstring of the view's handler for `method_name`, from our own classes only."""
    for cls in type(view).__mro__:
        if not cls.__module__.startswith(PROJECT_PACKAGE):
            break  # DRF's generic views and mixins: their docstrings are not ours to publish
        handler = cls.__dict__.get(method_name)
        if handler is not None:
            return inspect.cleandoc(handler.__doc__) if handler.__doc__ else ""
    return ""


def split_docstring(doc: str) -> tuple[str, str]:
    """(summary, description): the first paragraph on one line without its closing full stop
    (a summary is a title), and the paragraphs after it."""
    first, _, rest = doc.strip().partition("\n\n")
    return " ".join(first.split()).removesuffix("."), rest.strip()


class AutoSchema(openapi.AutoSchema):
    def _handler_doc(self) -> tuple[str, str]:
        action = getattr(self.view, "action", None) or self.method.lower()
        return split_docstring(handler_docstring(self.view, action))

    def get_summary(self) -> str | None:
        return self._handler_doc()[0] or None

    # drf-spectacular's AutoSchema.get_description(self) (untyped), not DRF's ViewInspector's, which the stubs see.
    def get_description(self) -> str:  # type: ignore[override]
        return self._handler_doc()[1]

    def map_parsers(self) -> list[str]:
        # The API speaks JSON (the form parsers are there for uploads); an upload view lists
        # its own parsers, or names its multipart body in extend_schema(request=...).
        media_types = super().map_parsers()
        return ["application/json"] if "application/json" in media_types else media_types

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        schema.pop("description", None)
        explicit = get_override(serializer, "description")
        if explicit:
            schema["description"] = str(explicit)
        customer_serializer = getattr(serializer, "customer_serializer", None)
        if customer_serializer is not None and schema.get("required"):
            customers_get = set(customer_serializer().fields)
            schema["required"] = [name for name in schema["required"] if name in customers_get]
        return schema


def documents_description() -> str:
    """docs/api.md and docs/realtime.md, one after the other, as the schema's description."""
    return "\n\n".join(
        (Path(settings.BASE_DIR) / name).read_text(encoding="utf-8").strip() for name in DESCRIPTION_DOCUMENTS
    )


def add_documents_description(result, generator, request, public):
    """Postprocessing hook: the schema's top-level description comes from the documents."""
    result["info"]["description"] = documents_description()
    return result
