from django.urls import path

from insurehub.privacy.api import views

urlpatterns = [
    path("privacy/export/", views.ExportApi.as_view(), name="privacy-export"),
    path("privacy/erasure/", views.ErasureApi.as_view(), name="privacy-erasure"),
    path("privacy/consents/", views.ConsentsApi.as_view(), name="privacy-consents"),
    path("privacy/requests/", views.PrivacyRequestListApi.as_view(), name="privacy-request-list"),
    path("privacy/requests/<uuid:request_id>/", views.PrivacyRequestDetailApi.as_view(), name="privacy-request"),
    path(
        "privacy/requests/<uuid:request_id>/decision/",
        views.PrivacyRequestDecisionApi.as_view(),
        name="privacy-request-decision",
    ),
    path(
        "privacy/requests/<uuid:request_id>/download/",
        views.PrivacyExportDownloadApi.as_view(),
        name="privacy-export-download",
    ),
]
