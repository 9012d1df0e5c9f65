from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "insurehub.assessments"
    label = "assessments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The claims workflow asks its guards before approving: ours says whether the claim's
        # active assessment is completed.
        from insurehub.assessments import guards  # noqa: F401
