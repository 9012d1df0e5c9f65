from django.apps import AppConfig


class CatastrophesConfig(AppConfig):
    name = "insurehub.catastrophes"
    label = "catastrophes"
    default_auto_field = "django.db.models.BigAutoField"
