"""The secrets of account tokens: how they are made and the keyed hash that is stored.

A link carries 32 random bytes (URL-safe); an SMS carries a 6-digit code. The database keeps
only an HMAC (keyed with SECRET_KEY), so a copy of the table opens no account; a code's hash
also binds the user, so the same six digits mean nothing on another account.
"""

import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

_SALT = "insurehub.users.account_token"


def new_link_secret() -> str:
    return secrets.token_urlsafe(32)


def new_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def link_hash(secret: str) -> str:
    return salted_hmac(_SALT, secret, algorithm="sha256").hexdigest()


def code_hash(user_id, code: str) -> str:
    return salted_hmac(_SALT, f"{user_id}:{code}", algorithm="sha256").hexdigest()


def code_matches(stored_hash: str, user_id, code: str) -> bool:
    return constant_time_compare(stored_hash, code_hash(user_id, code))
