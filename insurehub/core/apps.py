from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "insurehub.core"
    label = "core"
