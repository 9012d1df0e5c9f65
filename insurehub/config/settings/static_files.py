"""Static files and the web application, served by the application (WhiteNoise)."""

from pathlib import Path

from .api import SPECTACULAR_SETTINGS
from .base import BASE_DIR, DEBUG, DJANGO_ENV, TESTING
from .reader import env

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
WEB_DIST_DIR = Path(env.str("WEB_DIST_DIR", str(BASE_DIR / "web" / "dist")))
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
