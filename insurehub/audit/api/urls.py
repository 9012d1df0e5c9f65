from django.urls import path

from insurehub.audit.api import views

urlpatterns = [
    path("", views.AuditEventListApi.as_view(), name="audit-list"),
    path("reads/", views.ReadAuditListApi.as_view(), name="audit-reads"),
    path("<int:event_id>/", views.AuditEventDetailApi.as_view(), name="audit-detail"),
]
