from django.urls import path

from insurehub.catastrophes.api import views

# The figures of an event (GET catastrophes/<id>/figures/) read claims: claims' api/urls.py serves them.
urlpatterns = [
    path("catastrophes/", views.CatastropheListCreateApi.as_view(), name="catastrophe-list"),
    path("catastrophes/<uuid:event_id>/", views.CatastropheDetailApi.as_view(), name="catastrophe-detail"),
    path("catastrophes/<uuid:event_id>/close/", views.CatastropheCloseApi.as_view(), name="catastrophe-close"),
]
