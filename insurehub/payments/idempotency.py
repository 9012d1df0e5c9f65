"""Moved to insurehub.core.idempotency. Kept only while the claims views still import it from here:
the optional key they had (their own move to core makes their money writes require it)."""

from insurehub.core.idempotency import idempotent as _idempotent


def idempotent(request, *, endpoint: str, handler):
    return _idempotent(request, endpoint=endpoint, handler=handler, required=False)
