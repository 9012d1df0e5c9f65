"""The partner API key's security scheme in the OpenAPI schema (drf-spectacular finds it by class)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "insurehub.intake.auth.ApiKeyAuthentication"
    name = "partnerApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "A partner's key, as `Api-Key <key>` (bulk intake endpoints only).",
        }
