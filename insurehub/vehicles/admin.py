from django.contrib import admin

from insurehub.vehicles.models import Vehicle


@admin.register(Vehicle)
class VehicleAdmin(admin.ModelAdmin):
    list_display = ["registration", "make", "model", "year", "owner", "estimated_value"]
    search_fields = ["registration", "vin", "owner__email"]
    list_filter = ["make", "year"]
    raw_id_fields = ["owner"]
