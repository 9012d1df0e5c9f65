from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from insurehub.core import errors, web_app
from insurehub.core import views as ops
from insurehub.users.api.urls import auth_urlpatterns, users_urlpatterns

api_urlpatterns = [
    path("auth/", include(auth_urlpatterns)),
    path("users/", include(users_urlpatterns)),
    path("audit/", include("insurehub.audit.api.urls")),
    # Each app's api/urls.py holds its full paths below /api/.
    path("", include("insurehub.policies.api.urls")),
    path("", include("insurehub.vehicles.api.urls")),
    path("", include("insurehub.payments.api.urls")),
    path("", include("insurehub.catastrophes.api.urls")),
    path("", include("insurehub.workflows.api.urls")),
    path("", include("insurehub.claims.api.urls")),
    path("", include("insurehub.assessments.api.urls")),
    path("", include("insurehub.intake.api.urls")),
    path("", include("insurehub.dashboard.api.urls")),
    path("", include("insurehub.documents.api.urls")),
    path("", include("insurehub.integrations.api.urls")),
    path("", include("insurehub.realtime.api.urls")),
    path("", include("insurehub.notifications.api.urls")),
    path("", include("insurehub.analytics.api.urls")),
    path("", include("insurehub.privacy.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI and ReDoc from this server's static files (drf-spectacular-sidecar). The split view
    # serves Swagger UI's start-up script as a file (?script), so the page needs no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema", template_name="api_docs/redoc.html"), name="redoc"),
]

urlpatterns = [
    path("api/", include(api_urlpatterns)),
    path("admin/", admin.site.urls),
    path("healthz", ops.healthz, name="healthz"),
    path("readyz", ops.readyz, name="readyz"),
    path("metrics", ops.metrics, name="metrics"),
    # Anything else under /api/ is a problem+json 404, even with DEBUG on, whatever the method: no
    # CSRF check on a route that does nothing (it answered a POST with Django's HTML CSRF page).
    re_path(r"^api/", csrf_exempt(errors.handler404), name="api-not-found"),
    # Last: every other path is a route of the web application (core/web_app.py), so a deep link
    # such as /claims/<id> survives a reload.
    re_path(web_app.CLIENT_ROUTE, web_app.index, name="web-app"),
]

handler400 = "insurehub.core.errors.handler400"
handler403 = "insurehub.core.errors.handler403"
handler404 = "insurehub.core.errors.handler404"
handler500 = "insurehub.core.errors.handler500"
