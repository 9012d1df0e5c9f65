from django.urls import path

from insurehub.vehicles.api import views

urlpatterns = [
    path("vehicles/", views.VehicleListCreateApi.as_view(), name="vehicle-list"),
    path("vehicles/<uuid:vehicle_id>/", views.VehicleDetailApi.as_view(), name="vehicle-detail"),
]
