"""REST framework, JWT and sign-in protection, the OpenAPI schema, CORS."""

from datetime import timedelta

from .base import DJANGO_ENV, SECRET_KEY, TESTING
from .reader import env

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["insurehub.users.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    # orjson encodes, with the same output as DRF's JSONRenderer (core/renderers.py).
    "DEFAULT_RENDERER_CLASSES": ["insurehub.core.renderers.ORJSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "insurehub.core.filters.BlindIndexSearchFilter",  # SearchFilter + exact match on blind indexes
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "insurehub.core.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Operation summaries and descriptions come from the handlers' docstrings (core/schema.py).
    "DEFAULT_SCHEMA_CLASS": "insurehub.core.schema.AutoSchema",
    "EXCEPTION_HANDLER": "insurehub.core.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "insurehub.core.throttling.AnonRateThrottle",
        "insurehub.core.throttling.UserRateThrottle",
    ],
    # Who the client is behind proxies: see TRUSTED_PROXIES below (core/client_address.py).
    "NUM_PROXIES": env.int("NUM_PROXIES", 0),
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("THROTTLE_ANON", "10000/hour" if TESTING else "120/minute"),
        "user": env.str("THROTTLE_USER", "100000/hour" if TESTING else "1200/minute"),
        "auth": env.str("THROTTLE_AUTH", "1000/minute" if TESTING else "30/minute"),
        "vin_decode": env.str("THROTTLE_VIN_DECODE", "1000/minute" if TESTING else "30/minute"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", 15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", 7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,  # login service records it together with the audit entry
    "ALGORITHM": "HS256",
    "SIGNING_KEY": env.str("JWT_SIGNING_KEY", SECRET_KEY),
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
}
# A refresh token works once (users.services.auth_refresh). Used again later than this after its
# rotation it ends its whole sign-in (a copy is in someone else's hands); sooner, it is only refused
# (the same client refreshing twice at once).
JWT_REFRESH_REUSE_GRACE_SECONDS = env.int("JWT_REFRESH_REUSE_GRACE_SECONDS", 5)
# How long a web process keeps a signed-in user's account state to authenticate requests with no
# query; any save of the user refreshes every process's copy on its next request (users/auth_cache.py).
AUTH_USER_CACHE_SECONDS = env.int("AUTH_USER_CACHE_SECONDS", 30)
# The web app's refresh token lives in an httpOnly cookie (users/api/session_cookie.py): Secure
# everywhere but development and tests, which run over plain http on 127.0.0.1.
AUTH_REFRESH_COOKIE_SECURE = DJANGO_ENV not in ("development", "test") and env.bool("SECURE_COOKIES", True)

# Login protection (users/login_guard.py): after LOGIN_SLOWDOWN_AFTER failures an account from one
# address must wait an exponentially growing delay between attempts; after LOGIN_LOCKOUT_AFTER it is
# locked. Attempts are counted atomically before the password is checked.
LOGIN_SLOWDOWN_AFTER = env.int("LOGIN_SLOWDOWN_AFTER", 3)
LOGIN_LOCKOUT_AFTER = env.int("LOGIN_LOCKOUT_AFTER", 8)
LOGIN_LOCKOUT_SECONDS = env.int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
LOGIN_IP_LOCKOUT_AFTER = env.int("LOGIN_IP_LOCKOUT_AFTER", 50)
LOGIN_FAILURE_WINDOW_SECONDS = env.int("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)
# The limits above are per (account, client address): a stranger cannot lock a victim out. The
# account alone is locked only under a distributed attack, LOGIN_ACCOUNT_LOCKOUT_AFTER failures from
# LOGIN_ACCOUNT_LOCKOUT_MIN_IPS addresses or more, and its owner gets an unlock link by e-mail.
LOGIN_ACCOUNT_LOCKOUT_AFTER = env.int("LOGIN_ACCOUNT_LOCKOUT_AFTER", 30)
LOGIN_ACCOUNT_LOCKOUT_MIN_IPS = env.int("LOGIN_ACCOUNT_LOCKOUT_MIN_IPS", 3)
LOGIN_UNLOCK_TOKEN_MINUTES = env.int("LOGIN_UNLOCK_TOKEN_MINUTES", 60)

# Account recovery and verification (users.account_tokens): single-use secrets, only their hash stored.
PASSWORD_RESET_TOKEN_MINUTES = env.int("PASSWORD_RESET_TOKEN_MINUTES", 30)
EMAIL_TOKEN_MINUTES = env.int("EMAIL_TOKEN_MINUTES", 24 * 60)  # e-mail verification and change of e-mail links
PHONE_CODE_MINUTES = env.int("PHONE_CODE_MINUTES", 10)
PHONE_CODE_MAX_ATTEMPTS = env.int("PHONE_CODE_MAX_ATTEMPTS", 5)
# How many account messages (links, codes) an address, user or IP may ask for per hour.
ACCOUNT_MESSAGES_PER_ADDRESS_PER_HOUR = env.int("ACCOUNT_MESSAGES_PER_ADDRESS_PER_HOUR", 3)
ACCOUNT_MESSAGES_PER_IP_PER_HOUR = env.int("ACCOUNT_MESSAGES_PER_IP_PER_HOUR", 30)
# A password-reset request answers no sooner than this, known address or not (no timing oracle).
PASSWORD_RESET_MIN_RESPONSE_SECONDS = env.float("PASSWORD_RESET_MIN_RESPONSE_SECONDS", 0.25)
# Registration answers the same for a new and a taken address, no sooner than this either way (above
# the time a password hash takes, which only a new account spends).
REGISTER_MIN_RESPONSE_SECONDS = env.float("REGISTER_MIN_RESPONSE_SECONDS", 0.05 if TESTING else 0.6)

SPECTACULAR_SETTINGS = {
    "TITLE": "InsureHub API",
    # Replaced by docs/api.md + docs/realtime.md (the hook below), so the documents are the source.
    "DESCRIPTION": "Insurance platform and claims back office. Errors use application/problem+json.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "insurehub.core.schema.add_documents_description",
    ],
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "insurehub.core.roles.Role.choices",
        "DepartmentEnum": "insurehub.core.roles.Department.choices",
        "ClaimStatusEnum": "insurehub.claims.models.ClaimStatus.choices",
        "ClaimPriorityEnum": "insurehub.claims.models.Priority.choices",
        "CommunicationChannelEnum": "insurehub.claims.models.CommunicationChannel.choices",
        "CommunicationDirectionEnum": "insurehub.claims.models.CommunicationDirection.choices",
        "CommunicationPartyEnum": "insurehub.claims.models.CommunicationParty.choices",
        "SettlementStatusEnum": "insurehub.claims.models.SettlementStatus.choices",
        "SettlementMethodEnum": "insurehub.claims.models.SettlementMethod.choices",
        "CostTypeEnum": "insurehub.claims.models.CostType.choices",
        "CatastropheStatusEnum": "insurehub.catastrophes.models.EventStatus.choices",
        "PerilEnum": "insurehub.catastrophes.models.Peril.choices",
    },
}

CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
