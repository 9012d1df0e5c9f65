"""InsureHub settings: one module, read from environment variables only (12-factor).

With no variable set at all, the project runs on the embedded defaults: an SQLite file,
local-memory cache, in-memory channel layer, eager Celery and a local media folder.
Setting DATABASE_URL, REDIS_URL, CELERY_BROKER_URL (and the S3 variables) moves each
concern to its production service without a code change.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[3]  # the repository: insurehub/config/settings/base.py


def env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env(name)
    return default if value is None else int(value)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


# "development", "test" or "production". Tests run under pytest, which sets "test".
DJANGO_ENV = env("DJANGO_ENV") or ("test" if "pytest" in sys.modules else "production")
TESTING = DJANGO_ENV == "test"
DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING or DJANGO_ENV == "development":
        # Security review: dev/test only; production refuses to start without SECRET_KEY.
        SECRET_KEY = "insecure-development-key-never-use-in-production-0123456789"  # noqa: S105  # nosec B105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set outside development and test (DJANGO_ENV=production by default)."
        )

# testserver (the test client's host) is no default in production, which refuses it (core/production_keys.py).
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" + ("" if DJANGO_ENV == "production" else ",testserver")
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "insurehub.core.errors.csrf_failure"  # problem+json, never an HTML page

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and ReDoc files, served from here (no CDN)
    "corsheaders",
    "channels",
    "insurehub.core",
    "insurehub.users",
    "insurehub.audit",
    "insurehub.alerts",
    "insurehub.workflows",
    "insurehub.policies",
    "insurehub.vehicles",
    "insurehub.payments",
    "insurehub.claims",
    "insurehub.assessments",
    "insurehub.dashboard",
    "insurehub.documents",
    "insurehub.integrations",
    "insurehub.realtime",
    "insurehub.notifications",
    "insurehub.analytics",
    "insurehub.ops",
    "insurehub.privacy",
]

MIDDLEWARE = [
    "insurehub.core.middleware.RequestContextMiddleware",
    "insurehub.core.middleware.MetricsMiddleware",
    "insurehub.core.middleware.DependencyFailureMiddleware",  # database down or hung: 503, not 500
    "insurehub.core.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "insurehub.core.static_files.StaticFilesMiddleware",  # WhiteNoise: /static/ from the application
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "insurehub.core.middleware.OptionalTrailingSlashMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: its process_view runs the view (again, after a deadlock), so every other one runs first.
    "insurehub.core.db.ConflictRetryMiddleware",
]
# Paths with and without the trailing slash both work (OptionalTrailingSlashMiddleware):
# no redirect, so a POST to the unslashed form keeps its body.
APPEND_SLASH = False

ROOT_URLCONF = "insurehub.config.urls"
WSGI_APPLICATION = "insurehub.config.wsgi.application"
ASGI_APPLICATION = "insurehub.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

# --- database -------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Served over ASGI, each request runs its database work in its own thread: persistent
        # connections would pile up (one per thread). Pool with pgbouncer in front of PostgreSQL.
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work side by side; the busy timeout queues writers
    # instead of failing them with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# PostgreSQL fails fast (issue 14, docs/operations.md): a server that does not answer gets
# DB_CONNECT_TIMEOUT_SECONDS to accept a connection, a statement runs at most
# DB_STATEMENT_TIMEOUT_SECONDS and waits for a lock at most DB_LOCK_TIMEOUT_SECONDS (0: no limit;
# the migrate job runs without the statement limit); what fails so is answered 503 problem+json with
# Retry-After: DB_UNAVAILABLE_RETRY_AFTER_SECONDS (insurehub/core/errors.py). Each process keeps
# a bounded pool (psycopg_pool) of DB_POOL_MIN_SIZE..DB_POOL_MAX_SIZE connections: a burst queues
# up to DB_POOL_TIMEOUT_SECONDS for one instead of opening a connection per request thread.
# DB_POOL_MAX_SIZE=0 turns the pool off (then DB_CONN_MAX_AGE applies).
DB_CONNECT_TIMEOUT_SECONDS = env_int("DB_CONNECT_TIMEOUT_SECONDS", 5)
DB_STATEMENT_TIMEOUT_SECONDS = float(env("DB_STATEMENT_TIMEOUT_SECONDS", "30"))
DB_LOCK_TIMEOUT_SECONDS = float(env("DB_LOCK_TIMEOUT_SECONDS", "10"))
DB_POOL_MIN_SIZE = env_int("DB_POOL_MIN_SIZE", 2)
DB_POOL_MAX_SIZE = env_int("DB_POOL_MAX_SIZE", 10)
DB_POOL_TIMEOUT_SECONDS = float(env("DB_POOL_TIMEOUT_SECONDS", "5"))
DB_UNAVAILABLE_RETRY_AFTER_SECONDS = env_int("DB_UNAVAILABLE_RETRY_AFTER_SECONDS", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _pg_options = DATABASES["default"].setdefault("OPTIONS", {})
    _pg_options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT_SECONDS)
    # TCP keepalives: a connection to a server that vanished (network cut) fails within about a minute.
    _keepalives = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
    for _name, _value in _keepalives.items():
        _pg_options.setdefault(_name, _value)
    _pg_options["options"] = " ".join(
        part
        for part in (
            _pg_options.get("options", ""),
            f"-c statement_timeout={int(DB_STATEMENT_TIMEOUT_SECONDS * 1000)}",
            f"-c lock_timeout={int(DB_LOCK_TIMEOUT_SECONDS * 1000)}",
        )
        if part
    )
    if DB_POOL_MAX_SIZE > 0:
        _pg_options["pool"] = {
            "min_size": min(DB_POOL_MIN_SIZE, DB_POOL_MAX_SIZE),
            "max_size": DB_POOL_MAX_SIZE,
            "timeout": DB_POOL_TIMEOUT_SECONDS,
            "name": "insurehub",
        }
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections (Django refuses both)
# A deadlock or serialization failure that still happens is retried, the whole transaction or the
# whole unsafe request, this many times in all with a jittered backoff doubling from this base;
# then the answer is 503 with Retry-After (insurehub/core/db.py).
DB_CONFLICT_ATTEMPTS = env_int("DB_CONFLICT_ATTEMPTS", 3)
DB_CONFLICT_BACKOFF_SECONDS = float(env("DB_CONFLICT_BACKOFF_SECONDS", "0.05"))
DB_CONFLICT_RETRY_AFTER_SECONDS = env_int("DB_CONFLICT_RETRY_AFTER_SECONDS", 1)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Hashing at full strength makes every test that logs in slow; the hasher is Django's own.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))

# --- cache, channels, celery ----------------------------------------------------------
REDIS_URL = env("REDIS_URL")
# The cache degrades instead of failing requests while Redis is down or hangs (issue 14): short
# socket timeouts, then this process's memory for CACHE_RETRY_SECONDS before Redis is tried again,
# the outage logged once (insurehub/core/resilient_cache.py says what degraded means for each use).
CACHE_CONNECT_TIMEOUT_SECONDS = float(env("CACHE_CONNECT_TIMEOUT_SECONDS", "1"))
CACHE_SOCKET_TIMEOUT_SECONDS = float(env("CACHE_SOCKET_TIMEOUT_SECONDS", "1"))
CACHE_RETRY_SECONDS = float(env("CACHE_RETRY_SECONDS", "5"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "insurehub.core.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": CACHE_CONNECT_TIMEOUT_SECONDS,
                "socket_timeout": CACHE_SOCKET_TIMEOUT_SECONDS,
                "retry_seconds": CACHE_RETRY_SECONDS,
            },
        }
    }
    # channels_redis waits up to 5 s in BZPOPMIN and redis-py 8 times reads out after 5 s by
    # default: sockets died with "Timeout reading" when quiet or busy, so reads get longer. Only
    # the event streams join a group (realtime/stream.py), renewing it every minute: a crashed
    # process's channel leaves the group after 5 minutes instead of a day.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": 30, "socket_connect_timeout": 5}],
                "group_expiry": 300,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "insurehub"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

CELERY_BROKER_URL = env("CELERY_BROKER_URL")
# Without a broker, tasks run in-process (eager); services enqueue them on commit either way.
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = TESTING
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A killed worker's tasks come back (issue 14, docs/operations.md): with acks_late a task is
# acknowledged only when it ends, and reject_on_worker_lost requeues one whose worker process died.
# A whole worker lost with its connection: RabbitMQ hands its unacknowledged tasks to another at
# once; Redis (and SQS) only after the visibility timeout, which must exceed the longest task or a
# task still running is handed to a second worker. Tasks are stopped at CELERY_TASK_TIME_LIMIT_SECONDS
# (15 min: the longest is a long scanned document's OCR, which documents may take over after
# DOCUMENTS_PROCESSING_STALE_SECONDS, also 15 min), warned a minute before; the visibility timeout
# is that plus 5 minutes unless CELERY_VISIBILITY_TIMEOUT_SECONDS says otherwise.
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT_SECONDS", 15 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = max(1, CELERY_TASK_TIME_LIMIT - 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT_SECONDS", CELERY_TASK_TIME_LIMIT + 5 * 60)
}
if CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured(
        "CELERY_VISIBILITY_TIMEOUT_SECONDS must exceed CELERY_TASK_TIME_LIMIT_SECONDS: a task still running "
        "would be handed to a second worker."
    )
# On losing the broker connection a worker stops its acks_late tasks (the broker hands them out again)
# rather than finishing them a second time alongside another worker.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE: dict = {}
# Without a broker, background work (insurehub.core.tasks) runs in this process: "thread" (a bounded
# queue and a few worker threads, after commit and off the request: the default) or "eager" (inline
# after commit: the default under tests, whose assertions follow the work at once).
TASKS_IN_PROCESS = env("TASKS_IN_PROCESS", "eager" if TESTING else "thread")
if TASKS_IN_PROCESS not in {"thread", "eager"}:
    raise ImproperlyConfigured(f"TASKS_IN_PROCESS must be 'thread' or 'eager', not {TASKS_IN_PROCESS!r}.")
TASKS_IN_PROCESS_WORKERS = env_int("TASKS_IN_PROCESS_WORKERS", 4)
TASKS_IN_PROCESS_QUEUE_SIZE = env_int("TASKS_IN_PROCESS_QUEUE_SIZE", 1000)
TASKS_IN_PROCESS_SHUTDOWN_SECONDS = float(env("TASKS_IN_PROCESS_SHUTDOWN_SECONDS", "10"))
# Without a broker the server process also runs the periodic work (CELERY_BEAT_SCHEDULE) itself.
TASKS_IN_PROCESS_SCHEDULER = env_bool("TASKS_IN_PROCESS_SCHEDULER", CELERY_BROKER_URL is None and not TESTING)

# --- REST framework, JWT, schema ------------------------------------------------------
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
        "rest_framework.filters.SearchFilter",
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
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("THROTTLE_ANON", "10000/hour" if TESTING else "120/minute"),
        "user": env("THROTTLE_USER", "100000/hour" if TESTING else "1200/minute"),
        "auth": env("THROTTLE_AUTH", "1000/minute" if TESTING else "30/minute"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("JWT_ACCESS_MINUTES", 15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("JWT_REFRESH_DAYS", 7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,  # login service records it together with the audit entry
    "ALGORITHM": "HS256",
    "SIGNING_KEY": env("JWT_SIGNING_KEY", SECRET_KEY),
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
}
# A refresh token works once (users.services.auth_refresh). Used again later than this after its
# rotation it ends its whole sign-in (a copy is in someone else's hands); sooner, it is only refused
# (the same client refreshing twice at once).
JWT_REFRESH_REUSE_GRACE_SECONDS = env_int("JWT_REFRESH_REUSE_GRACE_SECONDS", 5)
# How long a web process keeps a signed-in user's account state to authenticate requests with no
# query; any save of the user refreshes every process's copy on its next request (users/auth_cache.py).
AUTH_USER_CACHE_SECONDS = env_int("AUTH_USER_CACHE_SECONDS", 30)
# The web app's refresh token lives in an httpOnly cookie (users/api/session_cookie.py): Secure
# everywhere but development and tests, which run over plain http on 127.0.0.1.
AUTH_REFRESH_COOKIE_SECURE = DJANGO_ENV not in ("development", "test") and env_bool("SECURE_COOKIES", True)

# Login protection (users/login_guard.py): after LOGIN_SLOWDOWN_AFTER failures an account from one
# address must wait an exponentially growing delay between attempts; after LOGIN_LOCKOUT_AFTER it is
# locked. Attempts are counted atomically before the password is checked.
LOGIN_SLOWDOWN_AFTER = env_int("LOGIN_SLOWDOWN_AFTER", 3)
LOGIN_LOCKOUT_AFTER = env_int("LOGIN_LOCKOUT_AFTER", 8)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
LOGIN_IP_LOCKOUT_AFTER = env_int("LOGIN_IP_LOCKOUT_AFTER", 50)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)
# The limits above are per (account, client address): a stranger cannot lock a victim out. The
# account alone is locked only under a distributed attack, LOGIN_ACCOUNT_LOCKOUT_AFTER failures from
# LOGIN_ACCOUNT_LOCKOUT_MIN_IPS addresses or more, and its owner gets an unlock link by e-mail.
LOGIN_ACCOUNT_LOCKOUT_AFTER = env_int("LOGIN_ACCOUNT_LOCKOUT_AFTER", 30)
LOGIN_ACCOUNT_LOCKOUT_MIN_IPS = env_int("LOGIN_ACCOUNT_LOCKOUT_MIN_IPS", 3)
LOGIN_UNLOCK_TOKEN_MINUTES = env_int("LOGIN_UNLOCK_TOKEN_MINUTES", 60)

# Account recovery and verification (users.account_tokens): single-use secrets, only their hash stored.
PASSWORD_RESET_TOKEN_MINUTES = env_int("PASSWORD_RESET_TOKEN_MINUTES", 30)
EMAIL_TOKEN_MINUTES = env_int("EMAIL_TOKEN_MINUTES", 24 * 60)  # e-mail verification and change of e-mail links
PHONE_CODE_MINUTES = env_int("PHONE_CODE_MINUTES", 10)
PHONE_CODE_MAX_ATTEMPTS = env_int("PHONE_CODE_MAX_ATTEMPTS", 5)
# How many account messages (links, codes) an address, user or IP may ask for per hour.
ACCOUNT_MESSAGES_PER_ADDRESS_PER_HOUR = env_int("ACCOUNT_MESSAGES_PER_ADDRESS_PER_HOUR", 3)
ACCOUNT_MESSAGES_PER_IP_PER_HOUR = env_int("ACCOUNT_MESSAGES_PER_IP_PER_HOUR", 30)
# A password-reset request answers no sooner than this, known address or not (no timing oracle).
PASSWORD_RESET_MIN_RESPONSE_SECONDS = float(env("PASSWORD_RESET_MIN_RESPONSE_SECONDS", "0.25"))

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
    },
}

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")

# --- security -------------------------------------------------------------------------
SESSION_COOKIE_SECURE = not (DEBUG or TESTING) and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# X-Forwarded-For is believed only from our own proxies (core/client_address.py): TRUSTED_PROXIES,
# addresses or CIDR networks ("10.0.0.0/8,192.0.2.10"), or else NUM_PROXIES = how many proxies
# append to it. Neither set: the header is ignored (uvicorn's FORWARDED_ALLOW_IPS decides REMOTE_ADDR).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
NUM_PROXIES = REST_FRAMEWORK["NUM_PROXIES"]
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not (DEBUG or TESTING or DJANGO_ENV == "development"))
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if (DEBUG or TESTING) else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
# Production refuses stand-in providers (card sandbox, Daraja sandbox or a local stand-in, console
# SMS and e-mail, missing keys): the process stops at start-up naming the variables
# (insurehub/core/stand_ins.py). ALLOW_SANDBOX_PROVIDERS=1 lets a staging deployment start with
# them (logged, and reported by `check --deploy`); never set it where real customers pay.
ALLOW_SANDBOX_PROVIDERS = env_bool("ALLOW_SANDBOX_PROVIDERS", False)
# Routes where a caller plays the provider (the card sandbox's settle) exist outside production
# only, whatever ALLOW_SANDBOX_PROVIDERS says: on staging, pay by card with Stripe's test keys.
SANDBOX_ROUTES = DJANGO_ENV != "production"

# --- static files and API docs ---------------------------------------------------------
# The application serves its static files (WhiteNoise, right after SecurityMiddleware): the
# admin's and the API docs' (drf-spectacular-sidecar bundles Swagger UI and ReDoc), so both render
# with no other origin. Production serves what `collectstatic` wrote to STATIC_ROOT (the Dockerfile
# runs it) with hashed names, gzip copies and far-future caching. Development and tests read the
# apps' static folders directly (finders), so neither needs collectstatic; under tests and DEBUG
# a file is looked up per request (autorefresh) rather than all files at each start-up.
if DJANGO_ENV == "production":
    STATICFILES_BACKEND = "whitenoise.storage.CompressedManifestStaticFilesStorage"
else:
    STATICFILES_BACKEND = "django.contrib.staticfiles.storage.StaticFilesStorage"
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = DEBUG or TESTING
# The web application (web/, built by `make web`) at /: its hashed files from WhiteNoise at the site
# root, every client route answered with its index.html by core/web_app.py (the last URL pattern).
# Under autorefresh a build made after start-up is found too; otherwise the folder is read at start.
WEB_DIST_DIR = Path(env("WEB_DIST_DIR", str(BASE_DIR / "web" / "dist")))
if WEB_DIST_DIR.is_dir() or globals().get("WHITENOISE_AUTOREFRESH", False):
    WHITENOISE_ROOT = str(WEB_DIST_DIR)
# Cached for a year: the app's /assets/ (Vite names them by content hash) and collected static files
# with a manifest hash (name.<12 hex>.ext), the ones WhiteNoise's own test would pick.
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/assets/|^/static/.+\.[0-9a-f]{12}\.\w+$"
SPECTACULAR_SETTINGS.update(
    {
        "SWAGGER_UI_DIST": "SIDECAR",
        "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
        "REDOC_DIST": "SIDECAR",
        # No validator badge: Swagger UI would send the schema's address to validator.swagger.io.
        "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    }
)

# --- logging --------------------------------------------------------------------------
LOG_LEVEL = env("LOG_LEVEL", "WARNING" if TESTING else "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "insurehub.core.logging.RequestContextFilter"}},
    "formatters": {"json": {"()": "insurehub.core.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_context"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "uvicorn.access": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}

# --- InsureHub ------------------------------------------------------------------------
DEFAULT_CURRENCY = env("DEFAULT_CURRENCY", "KES")
# Personal data at rest: "id:<base64 32 bytes>,..." (first encrypts, all decrypt); required in
# production. FIELD_HASH_KEY keys the blind indexes used to search encrypted fields.
FIELD_ENCRYPTION_KEYS = env("FIELD_ENCRYPTION_KEYS", "")
FIELD_HASH_KEY = env("FIELD_HASH_KEY", "")
BACKUP_SIGNING_KEY = env("BACKUP_SIGNING_KEY", "")
# GDPR: how long an export's download link lives; the retention policy (a daily task).
PRIVACY_EXPORT_LINK_HOURS = env_int("PRIVACY_EXPORT_LINK_HOURS", 24)
RETENTION_ANALYTICS_DAYS = env_int("RETENTION_ANALYTICS_DAYS", 400)
RETENTION_NOTIFICATIONS_DAYS = env_int("RETENTION_NOTIFICATIONS_DAYS", 365)
RETENTION_INACTIVE_ACCOUNT_DAYS = env_int("RETENTION_INACTIVE_ACCOUNT_DAYS", 6 * 365)
CELERY_BEAT_SCHEDULE["privacy-apply-retention"] = {
    "task": "insurehub.privacy.tasks.apply_retention",
    "schedule": 24 * 3600.0,
}
# The audit chain (insurehub/audit/chain.py): entries are HMAC-keyed under AUDIT_CHAIN_KEY, which
# the database never holds (required in production; dev/test derive one from SECRET_KEY), and a
# signed checkpoint of its head is logged and appended under AUDIT_CHECKPOINT_DIR periodically
# (point it at storage the database's users cannot rewrite; empty: logged only).
AUDIT_CHAIN_KEY = env("AUDIT_CHAIN_KEY", "")
AUDIT_CHECKPOINT_DIR = env("AUDIT_CHECKPOINT_DIR", "" if TESTING else str(BASE_DIR / "var" / "audit-checkpoints"))
AUDIT_CHECKPOINT_SECONDS = env_int("AUDIT_CHECKPOINT_SECONDS", 300)
CELERY_BEAT_SCHEDULE["audit-seal-and-checkpoint"] = {
    "task": "insurehub.audit.tasks.audit_seal_and_checkpoint",
    "schedule": float(AUDIT_CHECKPOINT_SECONDS),
}

# Each app keeps its settings in its own section below (edit only your app's section).
# --- policies, vehicles, payments ------------------------------------------------------
POLICY_GRACE_DAYS = env_int("POLICY_GRACE_DAYS", 15)
# M-Pesa (Daraja). Sandbox base: https://sandbox.safaricom.co.ke; production: https://api.safaricom.co.ke
# In development with MPESA_BASE_URL unset, the server serves a Daraja stand-in
# (insurehub/payments/daraja_standin.py) on 127.0.0.1:MPESA_STANDIN_PORT and talks to it with these
# stand-in credentials; it answers each push by itself MPESA_STANDIN_ANSWER_SECONDS later.
# Never in production: a 127.0.0.1 MPESA_BASE_URL is a stand-in there, and refused.
MPESA_STANDIN = DJANGO_ENV == "development" and env("MPESA_BASE_URL") is None
MPESA_STANDIN_PORT = env_int("MPESA_STANDIN_PORT", env_int("PORT", 8000) + 100)
MPESA_STANDIN_ANSWER_SECONDS = float(env("MPESA_STANDIN_ANSWER_SECONDS", "3"))
MPESA_BASE_URL = env(
    "MPESA_BASE_URL", f"http://127.0.0.1:{MPESA_STANDIN_PORT}" if MPESA_STANDIN else "https://sandbox.safaricom.co.ke"
)
MPESA_CONSUMER_KEY = env("MPESA_CONSUMER_KEY", "standin-consumer-key" if MPESA_STANDIN else "")
MPESA_CONSUMER_SECRET = env("MPESA_CONSUMER_SECRET", "standin-consumer-secret" if MPESA_STANDIN else "")
MPESA_SHORTCODE = env("MPESA_SHORTCODE", "174379" if MPESA_STANDIN else "")
MPESA_PASSKEY = env("MPESA_PASSKEY", "standin-passkey" if MPESA_STANDIN else "")
# Where Daraja POSTs its callbacks; in development the server itself on PORT.
MPESA_CALLBACK_BASE_URL = env(
    "MPESA_CALLBACK_BASE_URL",
    f"http://127.0.0.1:{env_int('PORT', 8000)}" if DJANGO_ENV == "development" else "https://insurehub.example",
)
# Part of the callback URL Daraja calls (?token=...): a callback without it is refused.
MPESA_CALLBACK_SECRET = env("MPESA_CALLBACK_SECRET", "" if DJANGO_ENV == "production" else "dev-callback-secret")
MPESA_TIMEOUT_SECONDS = float(env("MPESA_TIMEOUT_SECONDS", "15"))
# A push with no callback after this long is asked about (payments-mpesa-query-stale, every
# MPESA_QUERY_EVERY_SECONDS).
MPESA_QUERY_AFTER_MINUTES = env_int("MPESA_QUERY_AFTER_MINUTES", 1 if DJANGO_ENV == "development" else 3)
# Cards: "sandbox" (embedded default) or "stripe".
CARD_PROVIDER = env("CARD_PROVIDER", "sandbox")
STRIPE_BASE_URL = env("STRIPE_BASE_URL", "https://api.stripe.com")
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", "")
STRIPE_WEBHOOK_TOLERANCE_SECONDS = env_int("STRIPE_WEBHOOK_TOLERANCE_SECONDS", 300)
BANK_NAME = env("BANK_NAME", "Example Bank Kenya")
BANK_ACCOUNT_NAME = env("BANK_ACCOUNT_NAME", "InsureHub Premium Collections")
BANK_ACCOUNT_NUMBER = env("BANK_ACCOUNT_NUMBER", "0000000000")
BANK_BRANCH = env("BANK_BRANCH", "Nairobi")
BANK_SWIFT = env("BANK_SWIFT", "EXAMKENA")
CELERY_BEAT_SCHEDULE["policies-apply-time"] = {"task": "insurehub.policies.tasks.apply_time", "schedule": 3600.0}
CELERY_BEAT_SCHEDULE["payments-mpesa-query-stale"] = {
    "task": "insurehub.payments.tasks.mpesa_query_stale",
    "schedule": float(env("MPESA_QUERY_EVERY_SECONDS", "120")),
}
# A card refund approved without a recorded answer from the provider (timeout, stopped process) is
# asked about again after this long, with the same idempotency key (payments-card-refunds-reconcile).
CARD_REFUND_RECONCILE_AFTER_MINUTES = env_int("CARD_REFUND_RECONCILE_AFTER_MINUTES", 5)
CELERY_BEAT_SCHEDULE["payments-card-refunds-reconcile"] = {
    "task": "insurehub.payments.tasks.card_refunds_reconcile",
    "schedule": float(env("CARD_REFUND_RECONCILE_EVERY_SECONDS", "300")),
}

# --- claims ----------------------------------------------------------------------------
# Authority limits (KES) for approving amounts and paying settlements, by role; above them a
# supervisor (or admin) must approve: maker-checker. JSON object, e.g. {"agent": "200000"}.
CLAIM_AUTHORITY_LIMITS = {
    "agent": env("CLAIM_LIMIT_AGENT", "200000"),
    "assessor": env("CLAIM_LIMIT_ASSESSOR", "0"),
    "supervisor": env("CLAIM_LIMIT_SUPERVISOR", "2000000"),
    "admin": env("CLAIM_LIMIT_ADMIN", "100000000"),
}
# Reserve-setting authority (KES per cost type), by role.
CLAIM_RESERVE_LIMITS = {
    "agent": env("CLAIM_RESERVE_LIMIT_AGENT", "500000"),
    "assessor": env("CLAIM_RESERVE_LIMIT_ASSESSOR", "300000"),
    "supervisor": env("CLAIM_RESERVE_LIMIT_SUPERVISOR", "5000000"),
    "admin": env("CLAIM_RESERVE_LIMIT_ADMIN", "100000000"),
}
CLAIM_SLA_HOURS = {"urgent": 24, "high": 72, "normal": 168, "low": 336}
CLAIM_HIGH_VALUE = env("CLAIM_HIGH_VALUE", "500000")
CLAIM_LOW_VALUE = env("CLAIM_LOW_VALUE", "20000")
CLAIM_DUPLICATE_WINDOW_DAYS = env_int("CLAIM_DUPLICATE_WINDOW_DAYS", 7)
CLAIM_EARLY_DAYS = env_int("CLAIM_EARLY_DAYS", 30)
CLAIM_STALLED_DAYS = env_int("CLAIM_STALLED_DAYS", 10)
# seed_demo's year of claims history (the dashboard's trends); tests seed their own, smaller.
DEMO_HISTORY_CLAIMS = env_int("DEMO_HISTORY_CLAIMS", 0 if TESTING else 300)
DASHBOARD_CACHE_SECONDS = env_int("DASHBOARD_CACHE_SECONDS", 0 if TESTING else 15)
CELERY_BEAT_SCHEDULE["claims-flag-sla-and-stalled"] = {
    "task": "insurehub.claims.tasks.flag_sla_and_stalled",
    "schedule": 600.0,
}

# --- assessments -----------------------------------------------------------------------
# Total loss is recommended when the accepted estimate reaches this share of the vehicle's value.
ASSESSMENTS_TOTAL_LOSS_SHARE = env("ASSESSMENTS_TOTAL_LOSS_SHARE", "0.70")
# Estimate comparison: a line whose amount differs from the baseline by more than this percentage is flagged.
ASSESSMENTS_VARIANCE_THRESHOLD_PERCENT = env("ASSESSMENTS_VARIANCE_THRESHOLD_PERCENT", "15")
# Photos go through the documents app's image pipeline (its DOCUMENTS_* image settings below).
ASSESSMENTS_PHOTO_MAX_BYTES = env_int("ASSESSMENTS_PHOTO_MAX_BYTES", 15 * 1024 * 1024)
ASSESSMENTS_PHOTOS_PER_UPLOAD = env_int("ASSESSMENTS_PHOTOS_PER_UPLOAD", 20)
CELERY_BEAT_SCHEDULE["assessments-process-scanned-photos"] = {
    "task": "insurehub.assessments.tasks.photos_process_scanned",
    "schedule": 300.0,
}
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "AssessmentStatusEnum": "insurehub.assessments.models.AssessmentStatus.choices",
        "AssessmentSectionKindEnum": "insurehub.assessments.models.SectionKind.choices",
        "AssessmentPhotoStatusEnum": "insurehub.assessments.models.PhotoStatus.choices",
        "EstimateSourceEnum": "insurehub.assessments.models.EstimateSource.choices",
        "EstimateStatusEnum": "insurehub.assessments.models.EstimateStatus.choices",
        "EstimateLineKindEnum": "insurehub.assessments.models.LineKind.choices",
        "AssessmentBlockerCodeEnum": "insurehub.assessments.completion.BLOCKER_CODES",
        "EstimateComparisonFlagEnum": "insurehub.assessments.estimating.COMPARISON_FLAGS",
    }
)

# --- documents -------------------------------------------------------------------------
# Files go through Django's storage API: a local folder (MEDIA_ROOT) by default, S3 (or any
# S3-compatible service) when DOCUMENTS_S3_BUCKET is set. Keys are random, never the user's name.
DOCUMENTS_S3_BUCKET = env("DOCUMENTS_S3_BUCKET", "")
if DOCUMENTS_S3_BUCKET:
    _documents_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": DOCUMENTS_S3_BUCKET,
            "endpoint_url": env("DOCUMENTS_S3_ENDPOINT_URL"),
            "region_name": env("DOCUMENTS_S3_REGION", "eu-west-1"),
            "access_key": env("DOCUMENTS_S3_ACCESS_KEY_ID"),
            "secret_key": env("DOCUMENTS_S3_SECRET_ACCESS_KEY"),
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": env_int("DOCUMENTS_SIGNED_URL_SECONDS", 300),
            "object_parameters": {"ServerSideEncryption": "AES256"} if env_bool("DOCUMENTS_S3_SSE", True) else {},
        },
    }
else:
    _documents_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": STATICFILES_BACKEND},
    "documents": _documents_storage,
}
DOCUMENTS_MAX_UPLOAD_BYTES = env_int("DOCUMENTS_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)
DOCUMENTS_MAX_IMAGE_PIXELS = env_int("DOCUMENTS_MAX_IMAGE_PIXELS", 40_000_000)
DOCUMENTS_MAX_PDF_PAGES = env_int("DOCUMENTS_MAX_PDF_PAGES", 50)
# Images (claim documents and assessment photos alike, documents/media.py): the served copy
# (JPEG) and its quality, the thumbnail (WebP), and the reuse index: images whose perceptual
# hashes (64-bit pHash) differ in at most this many bits are the same picture (recompressed,
# resized); at most 7, which the 8-band index finds exhaustively.
DOCUMENTS_SERVED_IMAGE_MAX_SIDE = env_int("DOCUMENTS_SERVED_IMAGE_MAX_SIDE", 2048)
DOCUMENTS_SERVED_IMAGE_JPEG_QUALITY = env_int("DOCUMENTS_SERVED_IMAGE_JPEG_QUALITY", 82)
DOCUMENTS_THUMBNAIL_SIDE = env_int("DOCUMENTS_THUMBNAIL_SIDE", 320)
DOCUMENTS_IMAGE_REUSE_DISTANCE = min(env_int("DOCUMENTS_IMAGE_REUSE_DISTANCE", 6), 7)
DOCUMENTS_SIGNED_URL_SECONDS = env_int("DOCUMENTS_SIGNED_URL_SECONDS", 300)
# Cheap limits checked from headers before the virus scan (documents/complexity.py): an image's pixels
# (DOCUMENTS_MAX_IMAGE_PIXELS) and a ZIP container's (DOCX, or any ZIP) declared expanded size, entry count,
# expansion ratio (entries above 1 MiB) and nesting depth (the file itself is depth 1). Over a limit: 422.
DOCUMENTS_ARCHIVE_MAX_UNCOMPRESSED_BYTES = env_int("DOCUMENTS_ARCHIVE_MAX_UNCOMPRESSED_BYTES", 256 * 1024 * 1024)
DOCUMENTS_ARCHIVE_MAX_RATIO = env_int("DOCUMENTS_ARCHIVE_MAX_RATIO", 100)
DOCUMENTS_ARCHIVE_MAX_ENTRIES = env_int("DOCUMENTS_ARCHIVE_MAX_ENTRIES", 2000)
DOCUMENTS_ARCHIVE_MAX_DEPTH = env_int("DOCUMENTS_ARCHIVE_MAX_DEPTH", 2)
# Virus scanning: clamd (INSTREAM over CLAMD_SOCKET or CLAMD_HOST:CLAMD_PORT) when configured,
# else `clamscan` when installed (CLAMAV_DB_DIR: its database directory), else "unscanned".
# Debian's clamav-daemon listens on this socket: used when it exists and neither variable is set.
_DEBIAN_CLAMD_SOCKET = Path("/run/clamav/clamd.ctl")
CLAMD_SOCKET = env(
    "CLAMD_SOCKET", str(_DEBIAN_CLAMD_SOCKET) if not env("CLAMD_HOST") and _DEBIAN_CLAMD_SOCKET.is_socket() else ""
)
CLAMD_HOST = env("CLAMD_HOST", "")
CLAMD_PORT = env_int("CLAMD_PORT", 3310)
CLAMD_TIMEOUT_SECONDS = float(env("CLAMD_TIMEOUT_SECONDS", "45"))  # above CLAMAV_MAX_SCAN_TIME_MS
CLAMSCAN_PATH = env("CLAMSCAN_PATH", "clamscan")
CLAMSCAN_TIMEOUT_SECONDS = float(env("CLAMSCAN_TIMEOUT_SECONDS", "90"))  # loading signatures + the scan time limit
# The scanner's own limits: clamscan gets them as flags; clamd reads them from its clamd.conf
# (deploy/clamd-limits.conf holds the same values; scripts/system-deps.sh and docker-compose apply it).
# Both alert on a file over a limit ("Heuristics.Limits.Exceeded.*"): refused, never "clean".
CLAMAV_MAX_FILE_SIZE = env("CLAMAV_MAX_FILE_SIZE", "100M")
CLAMAV_MAX_SCAN_SIZE = env("CLAMAV_MAX_SCAN_SIZE", "400M")
CLAMAV_MAX_RECURSION = env_int("CLAMAV_MAX_RECURSION", 10)
CLAMAV_MAX_FILES = env_int("CLAMAV_MAX_FILES", 5000)
CLAMAV_MAX_SCAN_TIME_MS = env_int("CLAMAV_MAX_SCAN_TIME_MS", 30_000)
# scripts/system-deps.sh builds var/clamav-db (EICAR only) where freshclam's database is missing.
CLAMAV_DB_DIR = env(
    "CLAMAV_DB_DIR", str(BASE_DIR / "var" / "clamav-db") if (BASE_DIR / "var" / "clamav-db").is_dir() else ""
)
# OCR: Tesseract's binary and languages (scanned PDF pages are OCR'd from their images).
TESSERACT_CMD = env("TESSERACT_CMD", "tesseract")
TESSERACT_LANG = env("TESSERACT_LANG", "eng")
DOCUMENTS_OCR_TIMEOUT_SECONDS = env_int("DOCUMENTS_OCR_TIMEOUT_SECONDS", 120)
# A document left "processing" longer than this (a worker died) may be taken over.
DOCUMENTS_PROCESSING_STALE_SECONDS = env_int("DOCUMENTS_PROCESSING_STALE_SECONDS", 15 * 60)
CELERY_BEAT_SCHEDULE["documents-rescan-unfinished"] = {
    "task": "insurehub.documents.tasks.documents_rescan_unfinished",
    "schedule": 15 * 60.0,
}
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].update(
    {
        "DocumentKindEnum": "insurehub.documents.models.DocumentKind.choices",
        "DocumentFileTypeEnum": "insurehub.documents.models.FileType.choices",
        "DocumentScanStatusEnum": "insurehub.documents.models.ScanStatus.choices",
        "DocumentProcessingStatusEnum": "insurehub.documents.models.ProcessingStatus.choices",
        "DocumentValidationStatusEnum": "insurehub.documents.models.ValidationStatus.choices",
    }
)

# --- integrations ----------------------------------------------------------------------
# Outside providers (vehicle registry and history, VIN, weather, geocoding). Every client has
# connect/read timeouts, retries with backoff on 429/5xx/network errors, a circuit breaker and
# a rate limit ("N/second|minute|hour") shared by all workers through the cache, and caches its answers.
# Under tests the keyless public providers default to unconfigured: no test reaches the internet.
INTEGRATIONS_CONNECT_TIMEOUT = float(env("INTEGRATIONS_CONNECT_TIMEOUT", "3"))
INTEGRATIONS_READ_TIMEOUT = float(env("INTEGRATIONS_READ_TIMEOUT", "10"))
INTEGRATIONS_RETRIES = env_int("INTEGRATIONS_RETRIES", 2)  # extra attempts after the first
INTEGRATIONS_RETRY_BACKOFF_SECONDS = float(env("INTEGRATIONS_RETRY_BACKOFF_SECONDS", "0.5"))
# A Retry-After longer than this is not waited for inside a request: the call answers
# "rate_limited" and the background task tries again later.
INTEGRATIONS_RETRY_MAX_WAIT_SECONDS = float(env("INTEGRATIONS_RETRY_MAX_WAIT_SECONDS", "2"))
INTEGRATIONS_BREAKER_FAILURES = env_int("INTEGRATIONS_BREAKER_FAILURES", 5)
INTEGRATIONS_BREAKER_RESET_SECONDS = env_int("INTEGRATIONS_BREAKER_RESET_SECONDS", 60)
INTEGRATIONS_RATE_LIMIT_MAX_WAIT_SECONDS = float(env("INTEGRATIONS_RATE_LIMIT_MAX_WAIT_SECONDS", "1.5"))
INTEGRATIONS_FAR_FROM_HOME_KM = float(env("INTEGRATIONS_FAR_FROM_HOME_KM", "150"))
# Off: claim_enrich_later() does nothing (e.g. while a provider misbehaves, or data may not leave).
INTEGRATIONS_ENRICH_CLAIMS = env_bool("INTEGRATIONS_ENRICH_CLAIMS", True)
# DVLA Vehicle Enquiry Service (UK); the key comes from DVLA's developer portal.
DVLA_VES_BASE_URL = env("DVLA_VES_BASE_URL", "https://driver-vehicle-licensing.api.gov.uk")
DVLA_VES_API_KEY = env("DVLA_VES_API_KEY", "")
DVLA_VES_RATE_LIMIT = env("DVLA_VES_RATE_LIMIT", "600/minute")
# Vehicle history (HPI-style) provider speaking our JSON format (integrations/README.md).
VEHICLE_HISTORY_BASE_URL = env("VEHICLE_HISTORY_BASE_URL", "")
VEHICLE_HISTORY_API_KEY = env("VEHICLE_HISTORY_API_KEY", "")
VEHICLE_HISTORY_RATE_LIMIT = env("VEHICLE_HISTORY_RATE_LIMIT", "120/minute")
# NHTSA vPIC (public, no key).
VPIC_BASE_URL = env("VPIC_BASE_URL", "" if TESTING else "https://vpic.nhtsa.dot.gov/api")
VPIC_RATE_LIMIT = env("VPIC_RATE_LIMIT", "60/minute")
# Open-Meteo (public, no key; OPEN_METEO_API_KEY for the commercial hosts).
OPEN_METEO_FORECAST_BASE_URL = env("OPEN_METEO_FORECAST_BASE_URL", "" if TESTING else "https://api.open-meteo.com")
OPEN_METEO_ARCHIVE_BASE_URL = env(
    "OPEN_METEO_ARCHIVE_BASE_URL", "" if TESTING else "https://archive-api.open-meteo.com"
)
OPEN_METEO_API_KEY = env("OPEN_METEO_API_KEY", "")
OPEN_METEO_RATE_LIMIT = env("OPEN_METEO_RATE_LIMIT", "300/minute")
# Nominatim-compatible geocoder; the public instance's policy: 1 request/s and an identifying User-Agent.
NOMINATIM_BASE_URL = env("NOMINATIM_BASE_URL", "" if TESTING else "https://nominatim.openstreetmap.org")
NOMINATIM_USER_AGENT = env("NOMINATIM_USER_AGENT", "InsureHub/1.0 (+https://insurehub.test)")
NOMINATIM_EMAIL = env("NOMINATIM_EMAIL", "")
NOMINATIM_RATE_LIMIT = env("NOMINATIM_RATE_LIMIT", "1/second")
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["VehicleCheckKindEnum"] = (
    "insurehub.integrations.models.VehicleCheckKind.choices"
)
# Checks and enrichments left failed (provider down, no broker to retry them) are tried again.
CELERY_BEAT_SCHEDULE["integrations-retry-unfinished"] = {
    "task": "insurehub.integrations.tasks.retry_unfinished",
    "schedule": 15 * 60.0,
}

# --- notifications ---------------------------------------------------------------------
# SMTP when EMAIL_HOST is set; otherwise emails are written to the log (console backend).
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = EMAIL_HOST or "localhost"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "InsureHub <no-reply@insurehub.test>")
EMAIL_MESSAGE_ID_DOMAIN = env("EMAIL_MESSAGE_ID_DOMAIN", "insurehub.test")
# Where people reach the web application: links in e-mails, SMS and notifications start with it.
# In development it follows PORT (what `make run PORT=...` serves on); set it in production.
PUBLIC_BASE_URL = (env("PUBLIC_BASE_URL") or f"http://127.0.0.1:{env('PORT') or 8000}").rstrip("/")
# "console" (the embedded default) or "africastalking".
SMS_PROVIDER = env("SMS_PROVIDER", "console")
AFRICASTALKING_BASE_URL = env("AFRICASTALKING_BASE_URL", "https://api.africastalking.com")
AFRICASTALKING_USERNAME = env("AFRICASTALKING_USERNAME", "sandbox")
AFRICASTALKING_API_KEY = env("AFRICASTALKING_API_KEY", "")
AFRICASTALKING_SENDER_ID = env("AFRICASTALKING_SENDER_ID", "")
NOTIFICATION_MAX_ATTEMPTS = env_int("NOTIFICATION_MAX_ATTEMPTS", 5)

# --- realtime --------------------------------------------------------------------------
REALTIME_REPLAY_WINDOW_HOURS = env_int("REALTIME_REPLAY_WINDOW_HOURS", 24)
REALTIME_REPLAY_MAX_EVENTS = env_int("REALTIME_REPLAY_MAX_EVENTS", 1000)
REALTIME_HEARTBEAT_SECONDS = env_int("REALTIME_HEARTBEAT_SECONDS", 25)
REALTIME_MAX_FRAME_BYTES = env_int("REALTIME_MAX_FRAME_BYTES", 64 * 1024)
# Events go out in id order (realtime/stream.py). How long a later event waits for a lower id
# whose transaction is still open (PostgreSQL) before it goes out without it; the lower one is
# then sent late, when it commits.
REALTIME_ORDER_WAIT_SECONDS = float(env("REALTIME_ORDER_WAIT_SECONDS", "3"))
# Events queued for one socket before it is closed with 1013 (it resumes with ?since=).
REALTIME_SOCKET_BACKLOG = env_int("REALTIME_SOCKET_BACKLOG", 1000)
# Events the channel layer did not take (Redis down) are swept again by the process that sent them,
# from this delay doubling up to the maximum, and at once when another event goes through
# (realtime/redispatch.py); the periodic dispatcher below remains for what a dead process left.
REALTIME_REDISPATCH_FIRST_SECONDS = float(env("REALTIME_REDISPATCH_FIRST_SECONDS", "0.5"))
REALTIME_REDISPATCH_MAX_SECONDS = float(env("REALTIME_REDISPATCH_MAX_SECONDS", "5"))
CELERY_BEAT_SCHEDULE["realtime-dispatch-pending-outbox"] = {
    "task": "insurehub.realtime.tasks.outbox_dispatch_pending",
    "schedule": 30.0,
}
CELERY_BEAT_SCHEDULE["realtime-webhooks-deliver-due"] = {
    "task": "insurehub.realtime.tasks.webhooks_deliver_due",
    "schedule": 15.0,
}
WEBHOOK_TIMEOUT_SECONDS = float(env("WEBHOOK_TIMEOUT_SECONDS", "5"))
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 12)
WEBHOOK_RETRY_BASE_SECONDS = env_int("WEBHOOK_RETRY_BASE_SECONDS", 10)
WEBHOOK_RETRY_MAX_SECONDS = env_int("WEBHOOK_RETRY_MAX_SECONDS", 3600)
