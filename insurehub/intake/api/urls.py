from django.urls import path

from insurehub.intake.api import views

urlpatterns = [
    path("intake/imports/", views.ImportListCreateApi.as_view(), name="intake-import-list"),
    path("intake/imports/<uuid:import_id>/", views.ImportDetailApi.as_view(), name="intake-import-detail"),
    path("intake/imports/<uuid:import_id>/rows/", views.ImportRowsApi.as_view(), name="intake-import-rows"),
    path("intake/imports/<uuid:import_id>/resume/", views.ImportResumeApi.as_view(), name="intake-import-resume"),
    path("intake/imports/<uuid:import_id>/report.csv", views.ImportReportApi.as_view(), name="intake-import-report"),
    path("intake/partners/", views.PartnerListCreateApi.as_view(), name="intake-partner-list"),
    path("intake/partners/<uuid:partner_id>/", views.PartnerDetailApi.as_view(), name="intake-partner-detail"),
    path(
        "intake/partners/<uuid:partner_id>/policies/",
        views.PartnerPoliciesApi.as_view(),
        name="intake-partner-policies",
    ),
    path(
        "intake/partners/<uuid:partner_id>/keys/", views.PartnerKeyListCreateApi.as_view(), name="intake-partner-keys"
    ),
    path(
        "intake/partners/<uuid:partner_id>/keys/<uuid:key_id>/revoke/",
        views.PartnerKeyRevokeApi.as_view(),
        name="intake-partner-key-revoke",
    ),
]
