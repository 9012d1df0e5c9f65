from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "insurehub.documents"
    label = "documents"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from insurehub.core import health
        from insurehub.documents import scanning, text_extraction

        health.register("virus_scanner", scanning.capability, label="virus scanner")
        health.register("ocr_engine", text_extraction.ocr_capability, label="OCR engine")
