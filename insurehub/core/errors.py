"""One error shape for every error (RFC 7807 style, application/problem+json).

    {"type", "title", "status", "detail", "errors": [{"field", "message", "code"}]}

Services raise Django's ValidationError / PermissionDenied / ObjectDoesNotExist or our
ApplicationError; DRF raises its own exceptions; Django itself answers 404/500 through
the handlers below. Everything ends up here.
"""

import logging
import math
import sqlite3
import sys
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError as DatabaseInterfaceError
from django.db import OperationalError as DatabaseOperationalError
from django.http import Http404, JsonResponse
from rest_framework import exceptions as drf_exceptions
from rest_framework.fields import get_error_detail
from rest_framework.views import set_rollback

from insurehub.core import request_context
from insurehub.core.db import conflict_kind, is_conflict

logger = logging.getLogger("insurehub.errors")

PROBLEM_CONTENT_TYPE = "application/problem+json"


class ApplicationError(Exception):
    """A domain error with a stable code, e.g. ApplicationError("illegal_transition", "...", status=409)."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int = 400,
        errors: list[dict[str, Any]] | None = None,
        extra: dict[str, Any] | None = None,
    ):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.errors = errors or []
        self.extra = extra or {}


def _flatten(detail: Any, prefix: str | None = None) -> list[dict[str, Any]]:
    """Turn DRF's nested error detail into a flat list of {field, message, code}."""
    if isinstance(detail, dict):
        entries: list[dict[str, Any]] = []
        for key, value in detail.items():
            is_field = key not in ("non_field_errors", "__all__")
            field = (f"{prefix}.{key}" if prefix else str(key)) if is_field else prefix
            entries.extend(_flatten(value, field))
        return entries
    if isinstance(detail, list):
        entries = []
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                entries.extend(_flatten(value, f"{prefix}.{index}" if prefix else str(index)))
            else:
                entries.extend(_flatten(value, prefix))
        return entries
    return [{"field": prefix, "message": str(detail), "code": getattr(detail, "code", "invalid")}]


def problem(
    status: int,
    *,
    code: str,
    detail: str,
    errors: list[dict[str, Any]] | None = None,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JsonResponse:
    body: dict[str, Any] = {
        "type": f"/problems/{code}",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "errors": errors or [],
    }
    ctx = request_context.current()
    if ctx:
        body["request_id"] = ctx.request_id
    for key, value in (extra or {}).items():
        body.setdefault(key, value)  # extra facts never replace the shape's own fields
    response = JsonResponse(body, status=status, content_type=PROBLEM_CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _from_drf(exc: drf_exceptions.APIException) -> JsonResponse:
    headers = {}
    wait = getattr(exc, "wait", None) if isinstance(exc, drf_exceptions.Throttled) else None  # not in the stubs
    if wait is not None:
        headers["Retry-After"] = str(max(1, math.ceil(wait)))
    if isinstance(exc, drf_exceptions.NotAuthenticated | drf_exceptions.AuthenticationFailed):
        headers["WWW-Authenticate"] = 'Bearer realm="api"'
    if isinstance(exc, drf_exceptions.ValidationError):
        return problem(
            exc.status_code,
            code="validation_error",
            detail="The request was invalid; see errors for each field.",
            errors=_flatten(exc.detail),
        )
    detail = exc.detail
    code = getattr(detail, "code", None) or exc.default_code
    if isinstance(detail, dict):
        # simplejwt puts {"detail", "code", "messages"} here
        code = str(detail.get("code", code))
        message = str(detail.get("detail", exc.default_detail))
    elif isinstance(detail, list):
        message = "; ".join(str(item) for item in detail)
    else:
        message = str(detail)
    return problem(exc.status_code, code=str(code), detail=message, headers=headers)


def conflict_problem(exc: BaseException) -> JsonResponse:
    """A deadlock or serialization failure that retries did not clear (insurehub/core/db.py): the
    client may simply send the request again, so 503 with Retry-After, never a 500. The response
    carries the exception so that the retrying middleware can tell it from any other 503."""
    logger.warning("database conflict answered 503", extra={"conflict": conflict_kind(exc)})
    response = problem(
        503,
        code="database_conflict",
        detail="The database was busy with a conflicting change; nothing was saved. Try again.",
        headers={"Retry-After": str(settings.DB_CONFLICT_RETRY_AFTER_SECONDS)},
    )
    response.conflict_exception = exc  # type: ignore[attr-defined]  # our own mark, read by ConflictRetryMiddleware
    return response


# A database that is down, hangs or is overloaded (issue 14): PostgreSQL's connect timeout, the
# pool's wait for a free connection, statement_timeout and lock_timeout all end here as an
# OperationalError or InterfaceError. The client may send the request again later: 503 with
# Retry-After, never a 500. Deadlocks and serialization failures are conflicts (above), not this.
_DATABASE_TIMEOUT_SQLSTATES = {"57014", "55P03"}  # query_canceled (statement_timeout), lock_not_available
_CONFLICT_SQLSTATES = {"40001", "40P01"}
_SQLITE_UNAVAILABLE = ("database is locked", "database table is locked", "unable to open database", "disk i/o error")


def dependency_failure(exc: BaseException | None) -> str | None:
    """ "database_unavailable" or "database_timeout" when `exc` says the database could not serve
    the request (not that the request was wrong), else None."""
    if not isinstance(exc, DatabaseOperationalError | DatabaseInterfaceError):
        return None
    cause = exc.__cause__
    if isinstance(cause, sqlite3.Error):
        # SQLite calls syntax and schema errors "operational" too: only a busy or missing file counts.
        return "database_unavailable" if str(cause).lower().startswith(_SQLITE_UNAVAILABLE) else None
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate in _CONFLICT_SQLSTATES:
        return None
    return "database_timeout" if sqlstate in _DATABASE_TIMEOUT_SQLSTATES else "database_unavailable"


_DEPENDENCY_DETAIL = {
    "database_unavailable": "The database did not answer in time; the request was not carried out. Try again shortly.",
    "database_timeout": "The database took too long on this request; it was not carried out. Try again shortly.",
}


def dependency_problem(kind: str, exc: BaseException) -> JsonResponse:
    logger.warning(
        "database unavailable: answered 503", extra={"kind": kind, "error": f"{exc.__class__.__name__}: {exc}"[:300]}
    )
    return problem(
        503,
        code=kind,
        detail=_DEPENDENCY_DETAIL[kind],
        headers={"Retry-After": str(settings.DB_UNAVAILABLE_RETRY_AFTER_SECONDS)},
    )


def exception_handler(exc: Exception, context: dict | None = None) -> JsonResponse | None:
    """DRF's EXCEPTION_HANDLER. Returns None only for errors that should become a 500."""
    if is_conflict(exc):
        set_rollback()
        return conflict_problem(exc)
    if kind := dependency_failure(exc):
        set_rollback()
        return dependency_problem(kind, exc)
    if isinstance(exc, ApplicationError):
        set_rollback()
        return problem(exc.status, code=exc.code, detail=exc.message, errors=exc.errors, extra=exc.extra)
    if isinstance(exc, DjangoValidationError):
        set_rollback()
        return problem(
            400,
            code="validation_error",
            detail="The request was invalid; see errors for each field.",
            errors=_flatten(get_error_detail(exc)),
        )
    if isinstance(exc, Http404 | ObjectDoesNotExist):
        set_rollback()
        return problem(404, code="not_found", detail="Not found.")
    if isinstance(exc, DjangoPermissionDenied):
        set_rollback()
        return problem(403, code="permission_denied", detail=str(exc) or "You may not do this.")
    if isinstance(exc, drf_exceptions.APIException):
        set_rollback()
        return _from_drf(exc)
    return None


# Django-level handlers (wired in config/urls.py) for what never reaches a DRF view.
def handler400(request, exception=None):
    return problem(400, code="bad_request", detail="Bad request.")


def handler403(request, exception=None):
    return problem(403, code="permission_denied", detail="You may not do this.")


def handler404(request, exception=None):
    return problem(404, code="not_found", detail=f"No resource at {request.path}.")


def handler500(request):
    # Called while the exception is being handled: one that a middleware or a plain Django view
    # raised because the database was unavailable is a 503 too.
    exc = sys.exc_info()[1]
    if is_conflict(exc):
        return conflict_problem(exc)
    if kind := dependency_failure(exc):
        return dependency_problem(kind, exc)
    return problem(500, code="server_error", detail="An unexpected error occurred; it has been logged.")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form or session request without a valid CSRF token (Django's page is HTML)."""
    return problem(403, code="csrf_failed", detail=f"CSRF verification failed: {reason}")
