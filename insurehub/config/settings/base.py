"""InsureHub settings, the base: environment, secret key, hosts, apps, middleware, auth, i18n, paths.

Read from environment variables only (12-factor), through the typed reader (reader.py).

With no variable set at all, the project runs on the embedded defaults: an SQLite file,
local-memory cache, in-memory channel layer, eager Celery and a local media folder.
Setting DATABASE_URL, REDIS_URL, CELERY_BROKER_URL (and the S3 variables) moves each
concern to its production service without a code change.
"""

import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .reader import env

BASE_DIR = Path(__file__).resolve().parents[3]  # the repository: insurehub/config/settings/base.py

# "development", "test" or "production". Tests run under pytest, which sets "test".
DJANGO_ENV = env.str("DJANGO_ENV", None) or ("test" if "pytest" in sys.modules else "production")
TESTING = DJANGO_ENV == "test"
DEBUG = env.bool("DEBUG", False)

SECRET_KEY = env.str("SECRET_KEY", None)
if not SECRET_KEY:
    if DEBUG or TESTING or DJANGO_ENV == "development":
        # Security review: dev/test only; production refuses to start without SECRET_KEY.
        SECRET_KEY = "insecure-development-key-never-use-in-production-0123456789"  # noqa: S105  # nosec B105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set outside development and test (DJANGO_ENV=production by default)."
        )

# testserver (the test client's host) is no default in production, which refuses it (core/production_keys.py).
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=["localhost", "127.0.0.1", "[::1]"] + ([] if DJANGO_ENV == "production" else ["testserver"]),
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
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
    "insurehub.catastrophes",
    "insurehub.claims",
    "insurehub.assessments",
    "insurehub.intake",
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
    # Reads of personal data recorded during the request: one INSERT once it has answered.
    "insurehub.audit.read_audit.ReadAuditMiddleware",
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
# The threads one server process runs HTTP requests on (config/asgi.py; scripts/serve.sh's THREADS).
# Keep it at most DB_POOL_MAX_SIZE so that a request rarely queues for a database connection.
HTTP_THREADS = env.int("HTTP_THREADS", 8)

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
STATIC_ROOT = Path(env.str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
