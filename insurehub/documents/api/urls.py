from django.urls import path

from insurehub.documents.api import views

urlpatterns = [
    path("documents/", views.DocumentListApi.as_view(), name="document-list"),
    path("documents/upload/", views.DocumentUploadApi.as_view(), name="document-upload"),
    path("documents/validate/", views.DocumentValidateApi.as_view(), name="document-validate"),
    path("documents/process/", views.DocumentProcessApi.as_view(), name="document-process"),
    path("documents/uploads/", views.UploadCreateApi.as_view(), name="document-upload-create"),
    path("documents/uploads/<uuid:upload_id>/", views.UploadDetailApi.as_view(), name="document-upload-detail"),
    path("documents/<uuid:document_id>/", views.DocumentDetailApi.as_view(), name="document-detail"),
    path("claims/<uuid:claim_id>/documents/", views.ClaimDocumentsApi.as_view(), name="claim-documents"),
    path("documents/<uuid:document_id>/download/", views.DocumentDownloadApi.as_view(), name="document-download"),
]
