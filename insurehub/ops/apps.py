from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "insurehub.ops"
    label = "ops"
