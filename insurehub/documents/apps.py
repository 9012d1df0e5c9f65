from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "insurehub.documents"
    label = "documents"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here: these modules import models, which are not ready before ready().
        from insurehub.claims.selectors import register_timeline_source
        from insurehub.core import health
        from insurehub.documents import scanning, text_extraction, timeline

        health.register("virus_scanner", scanning.capability, label="virus scanner")
        health.register("ocr_engine", text_extraction.ocr_capability, label="OCR engine")
        register_timeline_source(timeline.claim_timeline_documents)
