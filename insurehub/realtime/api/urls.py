from django.urls import path

from insurehub.realtime.api import views

urlpatterns = [
    path("webhooks/", views.WebhookListCreateApi.as_view(), name="webhook-list"),
    path("webhooks/<uuid:webhook_id>/", views.WebhookDetailApi.as_view(), name="webhook-detail"),
    path("webhooks/<uuid:webhook_id>/deliveries/", views.WebhookDeliveryListApi.as_view(), name="webhook-deliveries"),
    path("webhooks/<uuid:webhook_id>/replay/", views.WebhookReplayApi.as_view(), name="webhook-replay"),
]
