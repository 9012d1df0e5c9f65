from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "insurehub.users"
    label = "users"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from insurehub.users import schema  # noqa: F401 - registers the OpenAPI auth scheme
